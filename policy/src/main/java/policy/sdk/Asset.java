package policy.sdk;

import java.util.Optional;

/**
 * A Pulumi asset (a file-like value such as a Lambda handler). Exactly one of text, path or uri is
 * normally set; {@code hash} is present once the engine has computed it.
 */
public record Asset(Optional<String> hash, Optional<String> text, Optional<String> path, Optional<String> uri) {
}
