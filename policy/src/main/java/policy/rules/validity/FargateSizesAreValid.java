package policy.rules.validity;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.Optional;

/**
 * Fargate task definitions use a CPU/memory pair Fargate offers: 256 CPU with 512, 1024 or 2048 MiB;
 * 512 with 1-4 GiB; 1024 with 2-8 GiB; 2048 with 4-16 GiB; 4096 with 8-30 GiB (whole GiB); 8192 with
 * 16-60 GiB and 16384 with 32-120 GiB, both in 4 GiB steps.
 */
public final class FargateSizesAreValid extends ResourceRule {
    static final long MIB_PER_GIB = 1024;

    private static final PolicyInfo INFO = PolicyInfo.builder("fargate-sizes-are-valid")
            .description("Fargate task definitions use a CPU and memory combination Fargate supports")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AWS validity")
            .remediation("Pick a supported pair, e.g. cpu 256 / memory 512, cpu 512 / memory 1024, cpu 1024 / memory 2048")
            .build();

    public FargateSizesAreValid() {
        super(INFO, Types.TASK_DEFINITION);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (!resource.prop("requiresCompatibilities").stringList().contains("FARGATE")) {
            return Outcome.notApplicable("the task definition does not require FARGATE");
        }
        Optional<Long> cpu = resource.prop("cpu").string().map(Long::parseLong);
        Optional<Long> memory = resource.prop("memory").string().map(Long::parseLong);
        if (cpu.isEmpty() || memory.isEmpty()) {
            return Outcome.violation("task definition '" + resource.name() + "' must set both cpu and memory for Fargate");
        }
        return supported(cpu.get(), memory.get()) ? Outcome.compliant() : Outcome.violation("task definition '"
                + resource.name() + "' asks for cpu " + cpu.get() + " with memory " + memory.get() + " MiB, which Fargate does not offer");
    }

    static boolean supported(long cpu, long memoryMiB) {
        long gib = memoryMiB / MIB_PER_GIB;
        boolean wholeGib = memoryMiB % MIB_PER_GIB == 0;
        return switch ((int) cpu) {
            case 256 -> memoryMiB == 512 || memoryMiB == 1024 || memoryMiB == 2048;
            case 512 -> wholeGib && gib >= 1 && gib <= 4;
            case 1024 -> wholeGib && gib >= 2 && gib <= 8;
            case 2048 -> wholeGib && gib >= 4 && gib <= 16;
            case 4096 -> wholeGib && gib >= 8 && gib <= 30;
            case 8192 -> wholeGib && gib >= 16 && gib <= 60 && gib % 4 == 0;
            case 16384 -> wholeGib && gib >= 32 && gib <= 120 && gib % 8 == 0;
            default -> false;
        };
    }
}
