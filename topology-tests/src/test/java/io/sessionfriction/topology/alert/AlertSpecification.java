package io.sessionfriction.topology.alert;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;

/** A specification of alerts: a fresh topology with the shipped rules per test, closed after it. */
abstract class AlertSpecification {

    protected final AlertDriver driver = AlertDriver.start();

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
