package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class ClientSettingsErrorsTest {

    private static final String PASSWORD = "p4ss-w0rd";
    private static final Map<String, Object> SETTINGS = Map.of(
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"friction\" password=\"" + PASSWORD + "\";",
            "ssl.truststore.password", "trust-me-1");

    @Test
    void aClientThatCannotBeCreatedBecomesAKafkaConfigErrorWithItsRootReasonAndNoSettingValues() {
        KafkaException failure = new KafkaException("Failed to create new KafkaAdminClient",
                new KafkaException("Failed to create new NetworkClient",
                        new IllegalArgumentException("bad login: password=\"" + PASSWORD + "\", truststore trust-me-1")));

        RuntimeException explained = ClientSettingsErrors.explain(failure, SETTINGS);

        assertThat(explained).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--kafka-config: Kafka cannot create a client with these settings: "
                        + "IllegalArgumentException: bad login: password=\"[hidden]\", truststore [hidden]");
    }

    @Test
    void aWholeJaasTextQuotedInAMessageIsMaskedAsOne() {
        String jaas = (String) SETTINGS.get("sasl.jaas.config");

        assertThat(ClientSettingsErrors.mask("cannot parse " + jaas, SETTINGS)).isEqualTo("cannot parse [hidden]");
    }

    @Test
    void otherKafkaFailuresAreLeftAsTheyAre() {
        KafkaException timeout = new KafkaException("Timed out waiting for a node assignment");

        assertThat(ClientSettingsErrors.explain(timeout, SETTINGS)).isSameAs(timeout);
    }
}
