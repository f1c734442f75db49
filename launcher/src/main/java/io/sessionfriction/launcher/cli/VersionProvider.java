package io.sessionfriction.launcher.cli;

import io.sessionfriction.launcher.runtime.BuildInfo;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"session-friction " + BuildInfo.version()};
    }
}
