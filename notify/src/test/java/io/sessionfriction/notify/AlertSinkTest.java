package io.sessionfriction.notify;

import static io.sessionfriction.notify.Alerts.T0;
import static io.sessionfriction.notify.Alerts.aPermissionDenied;
import static io.sessionfriction.notify.Alerts.aToolError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sessionfriction.notify.RecordingNotifyEvents.PostFailed;
import io.sessionfriction.notify.RecordingNotifyEvents.Rejected;
import io.sessionfriction.notify.RecordingNotifyEvents.Sent;
import io.sessionfriction.notify.RecordingNotifyEvents.Skipped;
import io.sessionfriction.notify.RecordingNotifyEvents.Unreadable;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.testsupport.SharedBroker;

/**
 * The sink on a real broker, against an Alertmanager that fails when told to: what it posts, when it
 * commits, and that nothing read is lost when a post fails or the sink stops.
 */
class AlertSinkTest {

    private static final String TOPIC = Topics.FRICTION_ALERTS.name();
    private static final Clock AT_T0 = Clock.fixed(T0, ZoneOffset.UTC);

    @RegisterExtension
    static final SharedBroker kafka = SharedBroker.embedded();
    private static Admin admin;
    private static KafkaProducer<String, byte[]> producer;

    private StubAlertmanager alertmanager;
    private final RecordingNotifyEvents events = new RecordingNotifyEvents();
    private final String group = "notify-test-" + UUID.randomUUID();

    @BeforeAll
    static void createTheTopicAndClients() {
        kafka.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1)));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeClients() {
        producer.close();
        admin.close();
    }

    @BeforeEach
    void emptyTheTopicAndStartAlertmanager() throws Exception {
        Map<TopicPartition, RecordsToDelete> all = endOffsets().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> RecordsToDelete.beforeOffset(e.getValue())));
        admin.deleteRecords(all).all().get();
        alertmanager = StubAlertmanager.start();
    }

    @AfterEach
    void stopAlertmanager() {
        alertmanager.close();
    }

    @Test
    void alertsOnTheTopicArePostedThenCommitted() throws Exception {
        publish(aPermissionDenied().at(T0.minusSeconds(40)).build(), aToolError().at(T0.minusSeconds(40)).build());

        try (AlertSink sink = start()) {
            await().until(() -> alertmanager.accepted().size() == 2);
            awaitEverythingCommitted();
        }

        assertThat(alertmanager.accepted()).extracting(alert -> alert.path("labels").path("alertname").asText())
                .containsExactlyInAnyOrder("permission-denied", "tool-error");
        assertThat(events.of(PostFailed.class)).isEmpty();
    }

    @Test
    void alertsTheProcessorCommittedInATransactionAreCommittedToThePartitionsEndPastItsMarker() throws Exception {
        FrictionAlert alert = aPermissionDenied().at(T0.minusSeconds(40)).build();
        long before = endOffsets().values().stream().mapToLong(Long::longValue).sum();
        try (KafkaProducer<String, byte[]> transactional = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "processor-like-" + group), new StringSerializer(), new ByteArraySerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(TOPIC, alert.sessionId(), Json.write(alert)));
            transactional.commitTransaction();
        }

        try (AlertSink sink = start()) {
            awaitEverythingCommitted();
        }

        assertThat(endOffsets().values().stream().mapToLong(Long::longValue).sum() - before)
                .as("one record and its commit marker").isEqualTo(2);
        assertThat(alertmanager.accepted()).hasSize(1);
    }

    @Test
    void aFailedPostIsRetriedWithDoublingWaitsAndNothingIsCommittedUntilOneSucceeds() throws Exception {
        alertmanager.answer(503, 503, 503, 503, 503, 503, 503, 503, 503, 503);
        FrictionAlert alert = aPermissionDenied().at(T0.minusSeconds(40)).build();
        Map<TopicPartition, Long> before = endOffsets();
        publish(alert);

        try (AlertSink sink = start()) {
            await().until(() -> events.of(PostFailed.class).size() >= 4);
            assertNothingCommittedPast(before);
            assertThat(sink.postsFailing()).hasValueSatisfying(reason -> assertThat(reason).contains("answered 503"));

            alertmanager.recover();
            awaitEverythingCommitted();
            assertThat(sink.postsFailing()).isEmpty();
        }

        assertThat(events.of(PostFailed.class)).extracting(PostFailed::retryIn).startsWith(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(400));
        assertThat(alertmanager.accepted()).extracting(posted -> posted.path("annotations").path("alert_id").asText())
                .containsExactly(alert.alertId());
        assertThat(events.of(Sent.class)).containsExactly(new Sent(1));
    }

    @Test
    void whatOneSinkCouldNotDeliverBeforeItStoppedTheNextOnePosts() throws Exception {
        alertmanager.answer(503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);
        FrictionAlert alert = aPermissionDenied().at(T0.minusSeconds(40)).build();
        publish(alert);
        try (AlertSink sink = start()) {
            await().until(() -> !events.of(PostFailed.class).isEmpty());
        }
        assertThat(alertmanager.accepted()).isEmpty();

        alertmanager.recover();
        try (AlertSink next = start()) {
            awaitEverythingCommitted();
        }

        assertThat(alertmanager.accepted()).extracting(posted -> posted.path("annotations").path("alert_id").asText())
                .containsExactly(alert.alertId());
    }

    @Test
    void aSecondSinkJoiningWhileAPostIsRetriedTakesItsPartitionsAndEveryAlertIsDeliveredOnceAlertmanagerAnswers() throws Exception {
        alertmanager.answer(Collections.nCopies(1000, 503).toArray(Integer[]::new));
        List<FrictionAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            alerts.add(aPermissionDenied().session("s-" + i).at(T0.minusSeconds(40)).build());
        }
        Map<TopicPartition, Long> before = endOffsets();
        publish(alerts.toArray(FrictionAlert[]::new));

        try (AlertSink first = start()) {
            await().until(() -> !events.of(PostFailed.class).isEmpty());
            RecordingNotifyEvents secondsEvents = new RecordingNotifyEvents();
            try (AlertSink second = start(secondsEvents)) {
                await().until(() -> !secondsEvents.of(PostFailed.class).isEmpty());
                assertNothingCommittedPast(before);

                alertmanager.recover();
                awaitEverythingCommitted();
            }
        }

        assertThat(alertmanager.accepted()).extracting(posted -> posted.path("annotations").path("alert_id").asText())
                .as("each at least once (the second sink took a partition while the first retried); Alertmanager merges repeats")
                .containsAll(alerts.stream().map(FrictionAlert::alertId).toList());
    }

    @Test
    void oldSuppressedAndUnreadableRecordsPageNobodyAndAreCommitted() throws Exception {
        FrictionAlert backfill = aToolError().ago(Duration.ofDays(3)).build();
        FrictionAlert preFix = aPermissionDenied().session("s-prefix").at(T0.minusSeconds(40)).suppressedBy("JIRA-42").build();
        FrictionAlert recent = aPermissionDenied().at(T0.minusSeconds(40)).build();
        publish(backfill, preFix);
        producer.send(new ProducerRecord<>(TOPIC, "s-garbage", "{not json".getBytes(StandardCharsets.UTF_8))).get();
        publish(recent);

        try (AlertSink sink = start()) {
            awaitEverythingCommitted();
        }

        assertThat(alertmanager.accepted()).extracting(posted -> posted.path("annotations").path("alert_id").asText())
                .containsExactly(recent.alertId());
        assertThat(events.of(Skipped.class)).containsExactlyInAnyOrder(
                new Skipped(backfill.alertId(), Outcome.NOT_RECENT), new Skipped(preFix.alertId(), Outcome.SUPPRESSED));
        assertThat(events.of(Unreadable.class)).singleElement().satisfies(u -> assertThat(u.error()).contains("Unexpected character"));
    }

    @Test
    void anAlertAlertmanagerRefusesIsLeftOutAndTheRestOfItsBatchDelivered() throws Exception {
        alertmanager.refuse(posted -> posted.path("labels").path("alertname").asText().equals("tool-error"));
        FrictionAlert refused = aToolError().at(T0.minusSeconds(40)).build();
        FrictionAlert fine = aPermissionDenied().at(T0.minusSeconds(40)).build();
        publish(refused, fine);

        try (AlertSink sink = start()) {
            awaitEverythingCommitted();
        }

        assertThat(alertmanager.accepted()).extracting(posted -> posted.path("annotations").path("alert_id").asText())
                .containsExactly(fine.alertId());
        assertThat(events.of(Rejected.class)).containsExactly(new Rejected(refused.alertId()));
        assertThat(events.of(PostFailed.class)).isEmpty();
    }

    private AlertSink start() {
        return start(events);
    }

    private AlertSink start(RecordingNotifyEvents recording) {
        NotifySettings settings = NotifySettings.defaults(List.of(alertmanager.url())).withGroupId(group)
                .withRetries(Duration.ofMillis(100), Duration.ofMillis(400)).withRequestTimeout(Duration.ofSeconds(5));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return AlertSink.start(settings, props, recording, AT_T0);
    }

    private static void publish(FrictionAlert... alerts) throws Exception {
        for (FrictionAlert alert : alerts) {
            producer.send(new ProducerRecord<>(TOPIC, alert.sessionId(), Json.write(alert))).get();
        }
    }

    /** Until the group's offsets are at every partition's end; a timeout says what the sink did. */
    private void awaitEverythingCommitted() {
        await().untilAsserted(() -> {
            Map<TopicPartition, Long> committed = committed();
            assertThat(endOffsets()).as("committed %s; Alertmanager got %s; the sink's events %s", committed,
                    alertmanager.posts(), events.all())
                    .allSatisfy((partition, end) -> assertThat(committed.getOrDefault(partition, 0L)).isEqualTo(end));
        });
    }

    /** While Alertmanager fails, the group's offsets stay before the alerts published after {@code before}. */
    private void assertNothingCommittedPast(Map<TopicPartition, Long> before) throws Exception {
        assertThat(committed()).as("nothing committed past the undelivered alerts").allSatisfy((partition, offset) ->
                assertThat(offset).isLessThanOrEqualTo(before.getOrDefault(partition, 0L)));
    }

    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < 2; partition++) {
            latest.put(new TopicPartition(TOPIC, partition), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<TopicPartition, Long> committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }
}
