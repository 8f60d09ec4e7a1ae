package infra.compute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CPU/memory combinations Fargate accepts for a Linux task. A task definition with any other
 * pair is rejected by ECS at deploy time, so the program checks it first. Source: the "Task CPU
 * and memory" table of the Amazon ECS developer guide (task definition parameters for Fargate).
 */
public final class FargateSizes {
    private FargateSizes() {
    }

    /** CPU units to the memory sizes (MiB) allowed with them, both ascending. */
    private static final Map<Integer, List<Integer>> MEMORY_MIB_BY_CPU_UNITS = table();

    private static Map<Integer, List<Integer>> table() {
        Map<Integer, List<Integer>> t = new LinkedHashMap<>();
        t.put(256, List.of(512, 1024, 2048));
        t.put(512, steps(1024, 4096, 1024));
        t.put(1024, steps(2048, 8192, 1024));
        t.put(2048, steps(4096, 16384, 1024));
        t.put(4096, steps(8192, 30720, 1024));
        t.put(8192, steps(16384, 61440, 4096));
        t.put(16384, steps(32768, 122880, 8192));
        return Collections.unmodifiableMap(t);
    }

    private static List<Integer> steps(int fromMiB, int toMiB, int stepMiB) {
        List<Integer> sizes = new ArrayList<>();
        for (int m = fromMiB; m <= toMiB; m += stepMiB) {
            sizes.add(m);
        }
        return List.copyOf(sizes);
    }

    public static List<Integer> cpuUnits() {
        return List.copyOf(MEMORY_MIB_BY_CPU_UNITS.keySet());
    }

    public static List<Integer> memoryMiBFor(int cpuUnits) {
        return MEMORY_MIB_BY_CPU_UNITS.getOrDefault(cpuUnits, List.of());
    }

    public static boolean isValid(int cpuUnits, int memoryMiB) {
        return memoryMiBFor(cpuUnits).contains(memoryMiB);
    }

    /** Why the pair is not a Fargate size, naming the valid values; empty when it is valid. */
    public static Optional<String> problem(int cpuUnits, int memoryMiB) {
        if (!MEMORY_MIB_BY_CPU_UNITS.containsKey(cpuUnits)) {
            return Optional.of(cpuUnits + " CPU units is not a Fargate task size; valid CPU units are " + join(cpuUnits()));
        }
        if (!isValid(cpuUnits, memoryMiB)) {
            return Optional.of(memoryMiB + " MiB is not a valid Fargate memory size for " + cpuUnits
                    + " CPU units; valid memory sizes (MiB) for " + cpuUnits + " CPU units are " + join(memoryMiBFor(cpuUnits)));
        }
        return Optional.empty();
    }

    /** Throws {@link IllegalArgumentException} with {@link #problem}'s message for an invalid pair. */
    public static void require(String service, int cpuUnits, int memoryMiB) {
        problem(cpuUnits, memoryMiB).ifPresent(p -> {
            throw new IllegalArgumentException(service + ": " + p);
        });
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
