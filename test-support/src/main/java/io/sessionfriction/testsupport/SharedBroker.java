package io.sessionfriction.testsupport;

import java.util.Collection;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.sessionfriction.kafka.EmbeddedKafka;

/**
 * One real broker for all the tests of a class, registered on a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final SharedBroker kafka = SharedBroker.embedded();
 * </pre>
 *
 * It starts before the class's own {@code @BeforeAll} methods run (so they can create topics on it) and
 * stops after its {@code @AfterAll} methods. Starting a broker takes seconds, so the tests of a class share
 * one, each on topics of its own; the next class gets a fresh one, and no state leaks between classes.
 */
public final class SharedBroker implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** A broker that is up: where clients reach it, and how it stops. */
    public record Started(String bootstrapServers, AutoCloseable stop) {
    }

    private final Supplier<Started> starter;
    private Started started;
    private String startedFor;

    private SharedBroker(Supplier<Started> starter) {
        this.starter = starter;
    }

    /** The in-process KRaft broker ({@link EmbeddedKafka}). */
    public static SharedBroker embedded() {
        return startedBy(() -> {
            EmbeddedKafka kafka = EmbeddedKafka.start();
            return new Started(kafka.bootstrapServers(), kafka);
        });
    }

    /** A broker of the caller's choosing (Testcontainers' where a Docker engine answers, say). */
    public static SharedBroker startedBy(Supplier<Started> starter) {
        return new SharedBroker(starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // A @Nested class runs inside its enclosing class and shares the enclosing class's broker.
        if (started == null) {
            start();
            startedFor = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context.getUniqueId().equals(startedFor)) {
            close();
        }
    }

    /** Starts the broker now, for a user outside a test class's lifecycle; it is closed by {@link #close}. */
    public void start() {
        if (started == null) {
            started = starter.get();
        }
    }

    public String bootstrapServers() {
        if (started == null) {
            throw new IllegalStateException("no broker: register the SharedBroker with @RegisterExtension on a static field");
        }
        return started.bootstrapServers();
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        EmbeddedKafka.createTopics(bootstrapServers(), topics);
    }

    @Override
    public void close() throws Exception {
        Started stopping = started;
        started = null;
        startedFor = null;
        if (stopping != null) {
            stopping.stop().close();
        }
    }
}
