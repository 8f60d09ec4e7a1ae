package policy.sdk;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses property paths: {@code a.b.0.c}, {@code a.b[0].c} and {@code tags["kubernetes.io/role"]}
 * for keys containing dots. A bare numeric segment indexes a list and names a key in an object.
 */
final class PropertyPath {
    record Segment(String key, boolean index) {
    }

    private PropertyPath() {
    }

    static List<Segment> parse(String path) {
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        int n = path.length();
        StringBuilder plain = new StringBuilder();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                flush(plain, segments, path);
                i++;
            } else if (c == '[') {
                if (plain.length() > 0) {
                    flush(plain, segments, path);
                }
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in property path '" + path + "'");
                }
                String inner = path.substring(i + 1, close);
                if (inner.length() >= 2 && inner.startsWith("\"") && inner.endsWith("\"")) {
                    segments.add(new Segment(inner.substring(1, inner.length() - 1), false));
                } else if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
                    segments.add(new Segment(inner, true));
                } else {
                    throw new IllegalArgumentException("'[" + inner + "]' in property path '" + path
                            + "' must be a list index like [0] or a quoted key like [\"a.b\"]");
                }
                i = close + 1;
                if (i < n && path.charAt(i) == '.') {
                    i++;
                }
            } else {
                plain.append(c);
                i++;
            }
        }
        if (plain.length() > 0) {
            flush(plain, segments, path);
        }
        return segments;
    }

    private static void flush(StringBuilder plain, List<Segment> segments, String path) {
        if (plain.length() == 0) {
            throw new IllegalArgumentException("empty segment in property path '" + path + "'");
        }
        segments.add(new Segment(plain.toString(), false));
        plain.setLength(0);
    }
}
