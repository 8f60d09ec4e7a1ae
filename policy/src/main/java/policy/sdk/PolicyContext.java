package policy.sdk;

/**
 * What a policy call gets besides the resource: its validated config, the stack and the level it
 * runs at.
 */
public record PolicyContext(PolicyConfig config, StackInfo stack, EnforcementLevel level) {
}
