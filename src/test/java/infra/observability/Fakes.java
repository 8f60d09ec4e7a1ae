package infra.observability;

import com.pulumi.core.Output;

/** Upstream outputs in AWS's formats, standing in for the other components in these tests. */
final class Fakes {
    private Fakes() {
    }

    static final String ALB_SUFFIX = "app/order-processing-alb/50dc6c495c0c9188";
    static final String BACKEND_TG_SUFFIX = "targetgroup/backend-tg/73e2d6bc24d8a067";
    static final String FRONTEND_TG_SUFFIX = "targetgroup/frontend-tg/943f017f100becff";
    static final String CLUSTER = "order-processing-cluster-dev";
    static final String BACKEND_SERVICE = "order-processor-backend";
    static final String FRONTEND_SERVICE = "order-processor-frontend";
    static final String DB_CLUSTER = "dev-auroracluster";
    static final String QUEUE = "orders-queue-dev";
    static final String DLQ = "orders-dlq-dev";
    static final String FUNCTION = "order-producer-dev";
    static final String PRODUCER_DLQ = "dev-order-producer-dlq";
    static final String FINDINGS_DLQ = "security-findings-dlq-1a2b3c4";
    static final String MESSAGING_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String LOGS_KEY = "arn:aws:kms:us-east-1:123456789012:key/9876dcba-12ab-34cd-56ef-1234567890ab";

    static MonitoredResources resources() {
        return new MonitoredResources(Output.of(ALB_SUFFIX), Output.of(BACKEND_TG_SUFFIX), Output.of(FRONTEND_TG_SUFFIX),
                Output.of(CLUSTER), Output.of(BACKEND_SERVICE), Output.of(FRONTEND_SERVICE), Output.of(DB_CLUSTER),
                Output.of(QUEUE), Output.of(DLQ), Output.of(FUNCTION), Output.of(PRODUCER_DLQ), java.util.Optional.of(Output.of(FINDINGS_DLQ)));
    }

    static MonitoredResources.Names names() {
        return new MonitoredResources.Names(ALB_SUFFIX, BACKEND_TG_SUFFIX, FRONTEND_TG_SUFFIX, CLUSTER, BACKEND_SERVICE,
                FRONTEND_SERVICE, DB_CLUSTER, QUEUE, DLQ, FUNCTION);
    }
}
