package infra.compute;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FargateSizesTest {

    @Test
    void acceptsThePairsOfTheFargateTable() {
        assertTrue(FargateSizes.isValid(256, 512));
        assertTrue(FargateSizes.isValid(256, 2048));
        assertTrue(FargateSizes.isValid(512, 4096));
        assertTrue(FargateSizes.isValid(1024, 8192));
        assertTrue(FargateSizes.isValid(4096, 30720));
        assertTrue(FargateSizes.isValid(8192, 61440));
        assertTrue(FargateSizes.isValid(16384, 122880));
        assertEquals(Optional.empty(), FargateSizes.problem(2048, 16384));
    }

    @Test
    void rejectsPairsOutsideTheTable() {
        assertFalse(FargateSizes.isValid(256, 4096));
        assertFalse(FargateSizes.isValid(512, 512));
        assertFalse(FargateSizes.isValid(8192, 18432));
        assertFalse(FargateSizes.isValid(300, 1024));
    }

    @Test
    void memoryStepsFollowTheTable() {
        assertEquals(List.of(1024, 2048, 3072, 4096), FargateSizes.memoryMiBFor(512));
        assertEquals(List.of(16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440),
                FargateSizes.memoryMiBFor(8192));
        assertEquals(List.of(256, 512, 1024, 2048, 4096, 8192, 16384), FargateSizes.cpuUnits());
    }

    @Test
    void invalidMemoryMessageListsTheValidSizesForThatCpu() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FargateSizes.require("backend", 256, 4096));
        assertEquals("backend: 4096 MiB is not a valid Fargate memory size for 256 CPU units; "
                + "valid memory sizes (MiB) for 256 CPU units are 512, 1024, 2048", e.getMessage());
    }

    @Test
    void invalidCpuMessageListsTheValidCpuUnits() {
        assertEquals(Optional.of("300 CPU units is not a Fargate task size; valid CPU units are "
                + "256, 512, 1024, 2048, 4096, 8192, 16384"), FargateSizes.problem(300, 1024));
    }
}
