package infra.plan.mocks;

import infra.plan.MockOutputs;
import infra.plan.MockOutputs.Env;
import infra.plan.MockOutputs.Rule;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Mocked computed outputs for GuardDuty, Security Hub, Inspector, CloudTrail, Config, WAF, S3 audit buckets (issue 8). */
public final class SecurityOutputs {
    private SecurityOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
        rules.put("aws:guardduty/detector:Detector", (name, in, out, env) -> {
            String id = hex32("detector/" + name);
            out.put("arn", env.arn("guardduty", "detector/" + id));
            out.put("accountId", env.account());
            return id;
        });
        rules.put("aws:guardduty/detectorFeature:DetectorFeature", (name, in, out, env) ->
                MockOutputs.str(in, "detectorId", "") + "/" + MockOutputs.str(in, "name", name));
        rules.put("aws:securityhub/account:Account", (name, in, out, env) -> {
            out.put("arn", env.arn("securityhub", "hub/default"));
            return env.account();
        });
        // the subscription ARN replaces the standard's "::standards/" with ":<account>:subscription/"
        rules.put("aws:securityhub/standardsSubscription:StandardsSubscription", (name, in, out, env) ->
                MockOutputs.str(in, "standardsArn", "").replace("::standards/", ":" + env.account() + ":subscription/"));
        rules.put("aws:inspector2/enabler:Enabler", (name, in, out, env) ->
                joined(in.get("accountIds")) + "-" + joined(in.get("resourceTypes")));
        rules.put("aws:cloudtrail/trail:Trail", (name, in, out, env) -> {
            String trail = MockOutputs.physicalName("aws:cloudtrail/trail:Trail", name, in);
            String arn = env.arn("cloudtrail", "trail/" + trail);
            out.put("arn", arn);
            out.put("name", trail);
            out.put("homeRegion", env.region());
            return arn;
        });
        rules.put("aws:cfg/recorder:Recorder", SecurityOutputs::configName);
        rules.put("aws:cfg/deliveryChannel:DeliveryChannel", SecurityOutputs::configName);
        rules.put("aws:cfg/recorderStatus:RecorderStatus", SecurityOutputs::configName);
        rules.put("aws:cfg/rule:Rule", (name, in, out, env) -> {
            String rule = MockOutputs.physicalName("aws:cfg/rule:Rule", name, in);
            String ruleId = "config-rule-" + MockOutputs.suffix("rule/" + name).substring(0, 6);
            out.put("arn", env.arn("config", "config-rule/" + ruleId));
            out.put("ruleId", ruleId);
            out.put("name", rule);
            return rule;
        });
        rules.put("aws:iam/serviceLinkedRole:ServiceLinkedRole", (name, in, out, env) -> {
            String service = MockOutputs.str(in, "awsServiceName", "config.amazonaws.com");
            String role = service.equals("config.amazonaws.com") ? "AWSServiceRoleForConfig" : "AWSServiceRoleFor" + name;
            String arn = env.globalArn("iam", "role/aws-service-role/" + service + "/" + role);
            out.put("arn", arn);
            out.put("name", role);
            out.put("path", "/aws-service-role/" + service + "/");
            return arn;
        });
        rules.put("aws:wafv2/webAcl:WebAcl", (name, in, out, env) -> {
            String acl = MockOutputs.physicalName("aws:wafv2/webAcl:WebAcl", name, in);
            String id = UUID.nameUUIDFromBytes(("webacl/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
            out.put("arn", env.arn("wafv2", "regional/webacl/" + acl + "/" + id));
            out.put("name", acl);
            out.put("capacity", 1000);
            return id;
        });
        rules.put("aws:cloudwatch/eventRule:EventRule", (name, in, out, env) -> {
            String rule = MockOutputs.physicalName("aws:cloudwatch/eventRule:EventRule", name, in);
            out.put("arn", env.arn("events", "rule/" + rule));
            out.put("name", rule);
            return rule;
        });
        rules.put("aws:cloudwatch/eventTarget:EventTarget", (name, in, out, env) ->
                MockOutputs.str(in, "rule", name) + "-" + MockOutputs.str(in, "targetId", name));
    }

    /** Config names its recorder, channel and status by the given name, "default" when unset. */
    private static String configName(String name, Map<String, Object> in, Map<String, Object> out, Env env) {
        String configName = MockOutputs.str(in, "name", "default");
        out.put("name", configName);
        return configName;
    }

    private static String hex32(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static String joined(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining(",")) : "";
    }
}
