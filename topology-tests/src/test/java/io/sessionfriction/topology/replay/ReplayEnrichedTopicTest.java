package io.sessionfriction.topology.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ReplayTarget;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.redaction.Redactor;
import io.sessionfriction.replay.ReplayCluster;
import io.sessionfriction.replay.ReplayListener;
import io.sessionfriction.replay.ReplayPlan;
import io.sessionfriction.replay.ReplayRequest;
import io.sessionfriction.replay.ReplayResult;
import io.sessionfriction.replay.ReplayRun;
import io.sessionfriction.replay.catalogue.SessionSelection;
import io.sessionfriction.replay.report.DraftPolicy;
import io.sessionfriction.replay.report.ReplayData;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.e2e.CommittedRecords;
import io.sessionfriction.topology.e2e.KafkaFixture;

/**
 * A replay writes its enriched stream only where somebody can read it: on a broker of its own, whose topics end
 * with the run, it leaves {@code session-events-enriched} empty (the run never reads it back); on a shared
 * cluster it writes it as live does. Its results are the same either way.
 */
class ReplayEnrichedTopicTest {

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    private static final Path SAMPLES = Path.of("..", "samples", "sessions");

    @Test
    void onABrokerOfItsOwnNoEnrichedRecordIsWrittenAndTheResultsAreThoseOfASharedCluster(@TempDir Path own,
            @TempDir Path shared) throws InterruptedException {
        // Two selections of the same sessions (bob's), so each run has its own topics on the one broker.
        ReplayPlan ownPlan = ReplayPlan.of(request(Set.of("bob"), own));
        ReplayPlan sharedPlan = ReplayPlan.of(request(Set.of("bob", "nobody"), shared));

        ReplayResult ownRun = ReplayRun.execute(ownPlan, () -> new OwnBroker(target()), new ReplayListener() { }, () -> false);
        ReplayResult sharedRun = ReplayRun.execute(sharedPlan, this::target, new ReplayListener() { }, () -> false);

        assertThat(committed(ownPlan, Topics.SESSION_ACTIVITY)).as("the run's own outputs are on the broker").isNotEmpty();
        assertThat(committed(ownPlan, Topics.SESSION_EVENTS_ENRICHED)).isEmpty();
        assertThat(committed(sharedPlan, Topics.SESSION_EVENTS_ENRICHED)).extracting(ConsumerRecord::key).as("every session's events")
                .containsOnlyElementsOf(sessionKeys(sharedRun)).containsAll(sessionKeys(sharedRun));
        assertThat(ownRun.data().alerts()).extracting(FrictionAlert::rule).contains("retry-loop", "auth-failure");
        assertThat(ownRun.data().alerts()).isEqualTo(sharedRun.data().alerts());
        assertThat(ownRun.data().activity()).isEqualTo(sharedRun.data().activity());
        assertThat(ownRun.data().commands()).isEqualTo(sharedRun.data().commands());
    }

    private ReplayTarget target() {
        return new ReplayTarget(KafkaTarget.shared(kafka.bootstrapServers(), Map.of()), FixesRegistry.empty(), Optional.empty());
    }

    private static ReplayRequest request(Set<String> users, Path out) {
        // Topics kept, so the shared run's enriched topic can be read after it.
        return new ReplayRequest(SAMPLES, new SessionSelection(Optional.empty(), Optional.empty(), users),
                ProcessorSettings.defaults(), false, false, RuleCatalogue.defaults(), Redactor.defaults(), OptionalInt.empty(),
                Duration.ofMinutes(2), true, out, DraftPolicy.DEFAULT);
    }

    private static List<String> sessionKeys(ReplayResult run) {
        return run.data().sessions().stream().map(ReplayData.Session::sessionKey).toList();
    }

    private static <V> List<ConsumerRecord<String, V>> committed(ReplayPlan plan, Topics.Topic<String, V> topic) {
        return CommittedRecords.read(kafka.bootstrapServers(), plan.settings().topic(topic), records -> true);
    }

    /** The fixture's broker as a replay's own embedded one is: nobody else uses it, and its topics end with the run. */
    private record OwnBroker(ReplayTarget cluster) implements ReplayCluster {

        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public String bootstrapServers() {
            return cluster.bootstrapServers();
        }

        @Override
        public Map<String, Object> clientOverrides() {
            return cluster.clientOverrides();
        }

        @Override
        public Properties adminProperties() {
            return cluster.adminProperties();
        }

        @Override
        public void createTopics(CollectorConfig collector, int partitions, List<NewTopic> processorTopics) {
            cluster.createTopics(collector, partitions, processorTopics);
        }

        @Override
        public Processor startProcessor(ProcessorSettings settings, RuleCatalogue catalogue, Redactor redactor) {
            return cluster.startProcessor(settings, catalogue, redactor);
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
