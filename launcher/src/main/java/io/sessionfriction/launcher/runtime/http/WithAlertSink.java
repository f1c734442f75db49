package io.sessionfriction.launcher.runtime.http;

/**
 * A processor with the alert sink beside it. Live: both are (a sink stopped for good is cured by a restart).
 * Ready: the processor's alone, so a failing Alertmanager never takes the session queries out of service.
 */
public final class WithAlertSink implements Health.Checks {

    private final Health.Checks topology;
    private final NotifyHealth sink;

    public WithAlertSink(Health.Checks topology, NotifyHealth sink) {
        this.topology = topology;
        this.sink = sink;
    }

    @Override
    public Health live() {
        Health live = topology.live();
        return live.isUp() ? sink.live() : live;
    }

    @Override
    public Health ready() {
        return topology.ready();
    }
}
