package infra.observability;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every alarm of the {@link AlarmCatalog} for this stack, made by one factory. Alarms notify the
 * infrastructure alerts topic on ALARM and on OK; P1 alarms also notify the paging topic when
 * there is one (prod), so PagerDuty opens and resolves incidents only for P1 in prod.
 */
public final class Alarms extends ComponentResource {
    private final Map<String, MetricAlarm> alarms = new LinkedHashMap<>();

    public Alarms(String name, AlarmsArgs args, ComponentResourceOptions options) {
        super("order-processing:observability:Alarms", name, options);
        Settings settings = args.settings();

        // the findings DLQ alarm only when there is such a queue to watch
        for (AlarmSpec spec : AlarmCatalog.forStack(settings, args.resources().hasFindingsDlq())) {
            alarms.put(spec.id(), alarm(name, spec, args));
        }

        registerOutputs(Map.of("alarmArns", alarmArns()));
    }

    /** The alarm of a catalog id such as {@code backend-cpu-high}. */
    public MetricAlarm alarm(String id) {
        MetricAlarm alarm = alarms.get(id);
        if (alarm == null) {
            throw new IllegalArgumentException("no alarm '" + id + "'; present: " + String.join(", ", alarms.keySet()));
        }
        return alarm;
    }

    /** Catalog id to alarm, in catalog order. */
    public Map<String, MetricAlarm> alarms() {
        return java.util.Collections.unmodifiableMap(alarms);
    }

    public Output<List<String>> alarmArns() {
        return Output.all(alarms.values().stream().map(MetricAlarm::arn).collect(Collectors.toList()));
    }

    private MetricAlarm alarm(String name, AlarmSpec spec, AlarmsArgs args) {
        String env = args.settings().env();
        Output<List<String>> actions = actions(spec, args);
        Output<Map<String, String>> dimensions = args.resources().dimensions(spec.target(), env);
        MetricAlarmArgs.Builder alarm = MetricAlarmArgs.builder()
                .name(spec.alarmName(env))
                .alarmDescription(spec.description())
                .comparisonOperator(spec.comparison().aws())
                .threshold(spec.threshold())
                .evaluationPeriods(spec.evaluationPeriods())
                .datapointsToAlarm(spec.datapointsToAlarm())
                .treatMissingData(spec.missingData().aws())
                .actionsEnabled(true)
                .alarmActions(actions)
                .okActions(actions)
                .tags(args.settings().tags("Priority", spec.priority().name(), "Component", spec.component()));
        if (spec.minusMetricName().isPresent()) {
            alarm.metricQueries(
                    query("m1", spec.metricName(), spec, dimensions),
                    query("m2", spec.minusMetricName().get(), spec, dimensions),
                    MetricAlarmMetricQueryArgs.builder().id("e1").expression("m1 - m2")
                            .label(spec.metricName() + " - " + spec.minusMetricName().get()).returnData(true).build());
        } else {
            alarm.namespace(spec.namespace()).metricName(spec.metricName()).period(spec.periodSeconds())
                    .dimensions(dimensions);
            if (spec.isPercentile()) {
                alarm.extendedStatistic(spec.statistic());
            } else {
                alarm.statistic(spec.statistic());
            }
        }
        return new MetricAlarm(name + "-" + spec.id(), alarm.build(), CustomResourceOptions.builder().parent(this).build());
    }

    private static MetricAlarmMetricQueryArgs query(String id, String metricName, AlarmSpec spec,
            Output<Map<String, String>> dimensions) {
        return MetricAlarmMetricQueryArgs.builder().id(id).returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder().namespace(spec.namespace()).metricName(metricName)
                        .stat(spec.statistic()).period(spec.periodSeconds()).dimensions(dimensions).build())
                .build();
    }

    /** The topics an alarm notifies: always the alerts topic; P1 also the paging topic, if any. */
    private static Output<List<String>> actions(AlarmSpec spec, AlarmsArgs args) {
        List<Output<String>> topics = new ArrayList<>();
        topics.add(args.alertTopicArn());
        if (spec.priority() == AlarmSpec.Priority.P1) {
            args.pagingTopicArn().ifPresent(topics::add);
        }
        return Output.all(topics);
    }
}
