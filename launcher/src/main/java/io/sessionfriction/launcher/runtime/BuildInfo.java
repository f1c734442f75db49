package io.sessionfriction.launcher.runtime;

import org.apache.kafka.common.utils.AppInfoParser;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** What this process is: the version of the jar (its manifest's) and of the Kafka clients it runs. */
public final class BuildInfo {

    public static final String METER = "session.friction.build.info";
    /** Classes run from a build folder, as in tests, have no manifest. */
    public static final String DEVELOPMENT = "development";

    private BuildInfo() {
    }

    public static String version() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version == null ? DEVELOPMENT : version;
    }

    /** {@code session_friction_build_info{version, kafka_version, java_version} 1}, the usual Prometheus info gauge. */
    public static void register(MeterRegistry registry) {
        Gauge.builder(METER, () -> 1).description("the running build: its labels say which")
                .tags("version", version(), "kafka_version", AppInfoParser.getVersion(),
                        "java_version", System.getProperty("java.version"))
                .register(registry);
    }
}
