package io.sessionfriction.samples;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The fields every user/assistant/progress/system line starts with. cwd and version may change mid-file
 * (a resume after an update); a subagent's envelope keeps the parent's sessionId and adds its agentId.
 */
final class Envelope {
    private final String sessionId;
    private final String agentId;
    private String cwd = "/home/user/project";
    private String version = "2.1.39";
    private String gitBranch = "main";
    private String slug;

    Envelope(String sessionId) {
        this(sessionId, null);
    }

    private Envelope(String sessionId, String agentId) {
        this.sessionId = sessionId;
        this.agentId = agentId;
    }

    Envelope forSubagent(String subagentId) {
        Envelope sub = new Envelope(sessionId, subagentId);
        sub.cwd = cwd;
        sub.version = version;
        sub.gitBranch = gitBranch;
        sub.slug = slug;
        return sub;
    }

    void cwd(String value) {
        cwd = value;
    }

    void version(String value) {
        version = value;
    }

    void gitBranch(String value) {
        gitBranch = value;
    }

    void slug(String value) {
        slug = value;
    }

    String cwd() {
        return cwd;
    }

    String sessionId() {
        return sessionId;
    }

    String agentId() {
        return agentId;
    }

    boolean isSubagent() {
        return agentId != null;
    }

    /** The user's home, for hook commands: {@code /home/alice} from {@code /home/alice/analytics/...}. */
    String home() {
        int end = cwd.indexOf('/', "/home/".length());
        return cwd.startsWith("/home/") && end > 0 ? cwd.substring(0, end) : "/root";
    }

    /** Writes the envelope in the order real files use; {@code type} is left out when the caller writes it later. */
    void write(JsonGenerator json, String parentUuid, String type) throws IOException {
        if (parentUuid == null) {
            json.writeNullField("parentUuid");
        } else {
            json.writeStringField("parentUuid", parentUuid);
        }
        json.writeBooleanField("isSidechain", agentId != null);
        json.writeStringField("userType", "external");
        json.writeStringField("cwd", cwd);
        json.writeStringField("sessionId", sessionId);
        json.writeStringField("version", version);
        json.writeStringField("gitBranch", gitBranch);
        if (agentId != null) {
            json.writeStringField("agentId", agentId);
        }
        if (slug != null) {
            json.writeStringField("slug", slug);
        }
        if (type != null) {
            json.writeStringField("type", type);
        }
    }
}
