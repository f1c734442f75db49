package io.sessionfriction.launcher.runtime.http;

/**
 * The probes of a process still starting: alive, not ready (with why), until the real checks exist.
 * The endpoint is up from the first second, so a probe sees "starting" rather than a refused connection
 * while topics are created and Kafka is reached.
 */
public final class DeferredChecks implements Health.Checks {

    private final Health starting;
    private volatile Health.Checks started;

    public DeferredChecks(String startingReason) {
        this.starting = Health.down(startingReason);
    }

    public void set(Health.Checks checks) {
        started = checks;
    }

    @Override
    public Health live() {
        Health.Checks checks = started;
        return checks == null ? Health.up() : checks.live();
    }

    @Override
    public Health ready() {
        Health.Checks checks = started;
        return checks == null ? starting : checks.ready();
    }
}
