package io.sessionfriction.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedBrokerTest {

    @RegisterExtension
    static final SharedBroker kafka = SharedBroker.embedded();

    @BeforeAll
    static void topicsOfTheClass() {
        kafka.createTopics(List.of(new NewTopic("created-before-all", 2, (short) 1)));
    }

    @Test
    void isUpBeforeTheClassesOwnBeforeAllAndHoldsWhatItCreated() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("created-before-all");
        }
    }

    @Test
    void creatingATopicTwiceLeavesTheFirst() {
        kafka.createTopics(List.of(new NewTopic("created-before-all", 5, (short) 1)));

        assertThat(partitions("created-before-all")).isEqualTo(2);
    }

    @Test
    void aBrokerNotRegisteredSaysHowToRegisterIt() {
        SharedBroker unregistered = SharedBroker.embedded();

        assertThatThrownBy(unregistered::bootstrapServers).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension");
    }

    private static int partitions(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
