package policy.rules.stack;

import policy.rules.Types;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.StackView;
import policy.sdk.UnknownValueException;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Small queries the stack rules share: resources of a family, targets of a reference, globs, shapes. */
final class Lookup {
    private Lookup() {
    }

    /** The stack's resources of one family, in stack order. */
    static List<ResourceView> all(StackView stack, Set<String> family) {
        return stack.resources().stream().filter(r -> Types.is(r, family)).toList();
    }

    /** The resources of {@code family} that {@code from}'s {@code property} refers to (see {@link Links#refers}). */
    static List<ResourceView> targets(StackView stack, ResourceView from, String property, Set<String> family) {
        return all(stack, family).stream().filter(t -> t != from && Links.refers(from, property, t)).toList();
    }

    /** The resources of {@code family} whose {@code property} refers to {@code to}. */
    static List<ResourceView> referrers(StackView stack, Set<String> family, String property, ResourceView to) {
        return all(stack, family).stream().filter(r -> r != to && Links.refers(r, property, to)).toList();
    }

    /**
     * A nested block that the provider may send as one object or as a list of objects (the S3
     * resources changed between the two shapes across provider versions): always a list here.
     */
    static List<PropertyValue> blocks(PropertyValue value) {
        return switch (value.kind()) {
            case OBJECT -> List.of(value);
            case LIST -> value.items();
            case MISSING, NULL -> List.of();
            default -> value.items();
        };
    }

    /**
     * {@code r.prop(property)}, except that a top-level property that is absent although the
     * resource lists dependencies for it is a value not known yet (the engine may drop unknown
     * inputs and keep only their dependencies): reading it is undecidable, not "missing".
     */
    static PropertyValue known(ResourceView r, String property) {
        PropertyValue value = r.prop(property);
        if (!value.isPresent() && r.propertyDependencies().containsKey(property)) {
            throw new UnknownValueException(property, "object");
        }
        return value;
    }

    /** IAM-style wildcard match ({@code *} any run, {@code ?} one character), case-sensitive. */
    static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    /** IAM actions compare without regard to case. */
    static boolean actionGlob(String pattern, String action) {
        return glob(pattern.toLowerCase(java.util.Locale.ROOT), action.toLowerCase(java.util.Locale.ROOT));
    }

    /** The log group name inside a CloudWatch Logs ARN ({@code ...:log-group:NAME} or {@code NAME:*}); the text itself otherwise. */
    static String logGroupName(String arnOrName) {
        int at = arnOrName.indexOf(":log-group:");
        String name = at < 0 ? arnOrName : arnOrName.substring(at + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }
}
