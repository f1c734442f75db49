package io.sessionfriction.launcher.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"session-friction " + (version == null ? "development build" : version)};
    }
}
