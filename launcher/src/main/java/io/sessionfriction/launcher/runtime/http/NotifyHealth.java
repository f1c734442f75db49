package io.sessionfriction.launcher.runtime.http;

import io.sessionfriction.notify.AlertSink;

/**
 * The alert sink's probes. Live: its consumer has not stopped for good. Ready: and its posts are accepted;
 * while Alertmanager refuses them or cannot be reached it is not doing its job, though restarting would
 * not help (the alerts wait, uncommitted).
 */
public final class NotifyHealth implements Health.Checks {

    private final AlertSink sink;

    public NotifyHealth(AlertSink sink) {
        this.sink = sink;
    }

    @Override
    public Health live() {
        return sink.failure().map(failed -> Health.down("alert sink stopped: " + failed)).orElse(Health.up());
    }

    @Override
    public Health ready() {
        Health live = live();
        if (!live.isUp()) {
            return live;
        }
        return sink.postsFailing().map(reason -> Health.down("Alertmanager does not accept alerts: " + reason)).orElse(Health.up());
    }
}
