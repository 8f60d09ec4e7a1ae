package infra.plan.mocks;

import infra.plan.MockOutputs;
import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for log groups, SNS, alarms, dashboard (issue 7). */
public final class ObservabilityOutputs {
    private ObservabilityOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
        // A log group's id is its name; the provider's arn has no trailing ":*".
        rules.put("aws:cloudwatch/logGroup:LogGroup", (name, in, out, env) -> {
            String groupName = MockOutputs.physicalName("aws:cloudwatch/logGroup:LogGroup", name, in);
            out.put("name", groupName);
            out.put("arn", env.arn("logs", "log-group:" + groupName));
            return groupName;
        });
        // A topic's id is its ARN.
        rules.put("aws:sns/topic:Topic", (name, in, out, env) -> {
            String topicName = MockOutputs.physicalName("aws:sns/topic:Topic", name, in);
            String arn = env.arn("sns", topicName);
            out.put("name", topicName);
            out.put("arn", arn);
            out.put("owner", env.account());
            return arn;
        });
        rules.put("aws:sns/topicPolicy:TopicPolicy", (name, in, out, env) -> {
            String topicArn = MockOutputs.str(in, "arn", env.arn("sns", name));
            out.put("owner", env.account());
            return topicArn;
        });
        // A subscription's ARN is the topic ARN plus a UUID.
        rules.put("aws:sns/topicSubscription:TopicSubscription", (name, in, out, env) -> {
            String topicArn = MockOutputs.str(in, "topic", env.arn("sns", "unknown-topic"));
            String seed = MockOutputs.suffix(name) + MockOutputs.suffix(name + "/subscription");
            String uuid = seed.substring(0, 8) + "-" + seed.substring(8, 12) + "-4" + seed.substring(0, 3) + "-8"
                    + seed.substring(3, 6) + "-" + (seed + seed).substring(0, 12);
            String arn = topicArn + ":" + uuid;
            out.put("arn", arn);
            out.put("ownerId", env.account());
            return arn;
        });
        // Alarms and dashboards are identified by name.
        rules.put("aws:cloudwatch/metricAlarm:MetricAlarm", (name, in, out, env) -> {
            String alarmName = MockOutputs.physicalName("aws:cloudwatch/metricAlarm:MetricAlarm", name, in);
            out.put("name", alarmName);
            out.put("arn", env.arn("cloudwatch", "alarm:" + alarmName));
            return alarmName;
        });
        rules.put("aws:cloudwatch/dashboard:Dashboard", (name, in, out, env) -> {
            String dashboardName = MockOutputs.str(in, "dashboardName", name);
            out.put("dashboardArn", env.globalArn("cloudwatch", "dashboard/" + dashboardName));
            return dashboardName;
        });
    }
}
