package io.sessionfriction.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * Realistic but fake credentials, one or more per redaction kind, each in the text where a transcript
 * shows it: {@link FakeSecret#inText} is how it reads in a prompt, a tool's output or the assistant's
 * answer, {@link FakeSecret#inCommand} a Bash command that uses it. {@link FakeSecret#value} is the part
 * that must never leave the pipeline (for a URL with a password, the password). The values follow each
 * issuer's format and are not live (AWS's own documented examples where they exist).
 */
public final class FakeSecrets {

    /** A fake credential, the kind its placeholder names, and two realistic carriers. */
    public record FakeSecret(String kind, String value, String inText, String inCommand) {

        public FakeSecret {
            if (!inText.contains(value) || !inCommand.contains(value)) {
                throw new IllegalArgumentException(kind + ": both carriers must hold the value");
            }
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    private static final String RSA_BODY = "MIIEowIBAAKCAQEA2a2rwplBQLzHPZe5TNJNpCMmLtB0V2kKb1MJQkq9nJ8bWd3Yf5xC9l0Q8mOh";
    private static final String GCP_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKBwE3rR2xq";
    private static final String GCP_KEY_FILE = "{\"type\": \"service_account\", \"project_id\": \"churn-prod\", "
            + "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + GCP_BODY + "\\n-----END PRIVATE KEY-----\\n\", "
            + "\"client_email\": \"etl@churn-prod.iam.gserviceaccount.com\"}";
    private static final String AZURE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String AZURE_CONNECTION = "DefaultEndpointsProtocol=https;AccountName=churnexports;AccountKey="
            + AZURE_KEY + ";EndpointSuffix=core.windows.net";
    private static final String SAS_SIG = "q9K%2Bz3yR4wV6mN8bT1cX5dF7gH2jL0pQ7sWe%3D";
    private static final String SAS_URL = "https://churnexports.blob.core.windows.net/exports/q1.csv?sv=2022-11-02&ss=b&srt=o"
            + "&sp=r&se=2026-03-01T00:00:00Z&spr=https&sig=" + SAS_SIG;
    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbmFseXN0IiwiaWF0IjoxNzM5NDYyNDAwfQ"
            + ".4pcPyMD09olPSyXnrXCjTwXyr4BsezdI1AVTmud2fU4";

    private static final List<FakeSecret> ALL = List.of(
            new FakeSecret("aws-access-key-id", "AKIAIOSFODNN7EXAMPLE",
                    "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\nregion = eu-west-1",
                    "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE aws s3 ls s3://churn-exports/"),
            new FakeSecret("aws-secret-key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                    "[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                    "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY aws s3 cp s3://churn-exports/q1.csv ."),
            new FakeSecret("gcp-api-key", "AIzaSyD4kV9mQ2xR7tW1yZ3bN6cJ8hL0pF5gE2s",
                    "The Maps key in config.js is AIzaSyD4kV9mQ2xR7tW1yZ3bN6cJ8hL0pF5gE2s, restricted to our domain.",
                    "curl -s \"https://maps.googleapis.com/maps/api/geocode/json?address=Lyon&key=AIzaSyD4kV9mQ2xR7tW1yZ3bN6cJ8hL0pF5gE2s\""),
            new FakeSecret("gcp-service-account-key", GCP_BODY, GCP_KEY_FILE,
                    "echo '" + GCP_KEY_FILE + "' > /tmp/etl-sa.json && gcloud auth activate-service-account --key-file /tmp/etl-sa.json"),
            new FakeSecret("private-key", RSA_BODY,
                    "-----BEGIN RSA PRIVATE KEY-----\n" + RSA_BODY + "\n-----END RSA PRIVATE KEY-----\n",
                    "cat > ~/.ssh/deploy_rsa <<'EOF'\n-----BEGIN RSA PRIVATE KEY-----\n" + RSA_BODY
                            + "\n-----END RSA PRIVATE KEY-----\nEOF\nchmod 600 ~/.ssh/deploy_rsa"),
            new FakeSecret("azure-connection-string", AZURE_KEY, AZURE_CONNECTION,
                    "az storage blob upload --connection-string \"" + AZURE_CONNECTION + "\" -c exports -f q1.csv"),
            new FakeSecret("azure-sas-token", SAS_SIG, "Download it from " + SAS_URL + " before Friday.",
                    "azcopy copy \"" + SAS_URL + "\" ./q1.csv"),
            new FakeSecret("github-classic-token", "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ",
                    "my token is ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ (repo scope)",
                    "git clone https://ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ@github.com/acme/churn.git"),
            new FakeSecret("github-fine-grained-token",
                    "github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567",
                    "GH_TOKEN=github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567",
                    "GH_TOKEN=github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567 gh pr list"),
            new FakeSecret("github-app-token", "ghs_16C7e42F292c6912E7710c838347Ae178B4a",
                    "Installation token: ghs_16C7e42F292c6912E7710c838347Ae178B4a (expires in 1 hour)",
                    "curl -H \"X-GitHub-Token: ghs_16C7e42F292c6912E7710c838347Ae178B4a\" https://api.github.com/installation/repositories"),
            new FakeSecret("github-oauth-token", "gho_9Z8y7X6w5V4u3T2s1R0qPoNmLkJiHgFeDcBa",
                    "github.com:\n    user: analyst\n    oauth_token: gho_9Z8y7X6w5V4u3T2s1R0qPoNmLkJiHgFeDcBa",
                    "git push https://analyst:gho_9Z8y7X6w5V4u3T2s1R0qPoNmLkJiHgFeDcBa@github.com/acme/churn.git"),
            new FakeSecret("gitlab-token", "glpat-xYz12AbC34dEf56GhI78",
                    "Use the project token glpat-xYz12AbC34dEf56GhI78 for the API.",
                    "curl --header \"PRIVATE-TOKEN: glpat-xYz12AbC34dEf56GhI78\" https://gitlab.example.com/api/v4/projects/42/jobs"),
            new FakeSecret("slack-token", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
                    "SLACK_BOT_TOKEN=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
                    "curl -s -d channel=C07QXZKLM -d text=done -d token=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx "
                            + "https://slack.com/api/chat.postMessage"),
            new FakeSecret("slack-webhook-url", "T0123ABCD/B0456EFGH/aBcDeFgHiJkLmNoPqRsTuVwX",
                    "Post the summary to https://hooks.slack.com/services/T0123ABCD/B0456EFGH/aBcDeFgHiJkLmNoPqRsTuVwX please",
                    "curl -X POST -H 'Content-type: application/json' -d '{\"text\":\"churn export done\"}' "
                            + "https://hooks.slack.com/services/T0123ABCD/B0456EFGH/aBcDeFgHiJkLmNoPqRsTuVwX"),
            new FakeSecret("openai-api-key",
                    "sk-proj-Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hI5jK7lM9nO1pQ3rS5tU7vW9xY1zA3bC5dE7fG9T3BlbkFJ",
                    "OPENAI_API_KEY=sk-proj-Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hI5jK7lM9nO1pQ3rS5tU7vW9xY1zA3bC5dE7fG9T3BlbkFJ",
                    "OPENAI_API_KEY=sk-proj-Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hI5jK7lM9nO1pQ3rS5tU7vW9xY1zA3bC5dE7fG9T3BlbkFJ"
                            + " python summarize.py churn.csv"),
            new FakeSecret("anthropic-api-key",
                    "sk-ant-api03-Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8bA7zY6xW5vU4tS3rQ2pO1nM0lK9jI8hG7fE6dC5bA4-AbCdEfAA",
                    "Here is my key sk-ant-api03-Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8bA7zY6xW5vU4tS3rQ2pO1nM0lK9jI8hG7fE6dC5bA4-AbCdEfAA",
                    "curl https://api.anthropic.com/v1/messages -H \"x-api-key: sk-ant-api03-Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8bA7zY6xW5vU4tS3rQ2pO1nM0lK9jI8hG7fE6dC5bA4-AbCdEfAA\""),
            new FakeSecret("stripe-key", "sk_live_51HqLyjWDarjtT1zdp7dcXYZ4aBcDeFgHiJkLmNoPq",
                    "stripe.api_key = \"sk_live_51HqLyjWDarjtT1zdp7dcXYZ4aBcDeFgHiJkLmNoPq\"",
                    "curl https://api.stripe.com/v1/charges -u sk_live_51HqLyjWDarjtT1zdp7dcXYZ4aBcDeFgHiJkLmNoPq: -d limit=3"),
            new FakeSecret("jwt", JWT, "The session cookie was token=" + JWT + "; Path=/",
                    "curl -H \"Authorization: Bearer " + JWT + "\" https://api.internal/v1/exports"),
            new FakeSecret("authorization-header", "8f3kQ9zLm2Xv7Rt1Yp4Wn6Bc",
                    "> GET /v1/exports HTTP/1.1\n> Authorization: Bearer 8f3kQ9zLm2Xv7Rt1Yp4Wn6Bc\n< HTTP/1.1 401 Unauthorized",
                    "curl -H \"Authorization: Bearer 8f3kQ9zLm2Xv7Rt1Yp4Wn6Bc\" https://api.internal/v1/exports"),
            new FakeSecret("authorization-header", "YW5hbHlzdDpzM2NyZXQtUGFzcw==",
                    "{\"headers\": {\"Authorization\": \"Basic YW5hbHlzdDpzM2NyZXQtUGFzcw==\", \"Accept\": \"text/csv\"}}",
                    "curl -H 'Authorization: Basic YW5hbHlzdDpzM2NyZXQtUGFzcw==' https://warehouse.internal/export.csv"),
            new FakeSecret("bearer-token", "9f8e7d6c5b4a39281726354d6e5f4a3b",
                    "X-Upstream-Auth: Bearer 9f8e7d6c5b4a39281726354d6e5f4a3b",
                    "curl -H 'X-Upstream-Auth: Bearer 9f8e7d6c5b4a39281726354d6e5f4a3b' https://proxy.internal/export"),
            new FakeSecret("api-key-header", "3f9a1c2b7d4e8f60a5b9c3d7e1f2a4b6",
                    "request headers: {X-API-Key: 3f9a1c2b7d4e8f60a5b9c3d7e1f2a4b6}",
                    "curl -H \"X-API-Key: 3f9a1c2b7d4e8f60a5b9c3d7e1f2a4b6\" https://api.vendor.com/v2/rows"),
            new FakeSecret("url-password", "Tr0ub4dor-Horse-9",
                    "DATABASE_URL=postgres://analyst:Tr0ub4dor-Horse-9@db.internal:5432/warehouse",
                    "psql \"postgres://analyst:Tr0ub4dor-Horse-9@db.internal:5432/warehouse\" -c \"\\copy q1 to 'q1.csv' csv\""),
            new FakeSecret("password-assignment", "N7vqL2pX9kWm",
                    "PGPASSWORD=N7vqL2pX9kWm",
                    "PGPASSWORD=N7vqL2pX9kWm psql -h db.internal -U etl churn -c 'select count(*) from events'"),
            new FakeSecret("password-assignment", "Winter2026!Blue",
                    "warehouse:\n  host: db.internal\n  user: etl\n  password: \"Winter2026!Blue\"\n",
                    "python load.py --config '{\"user\": \"etl\", \"password\": \"Winter2026!Blue\"}'"),
            new FakeSecret("password-flag", "S3cr3tPassw0rd",
                    "mysql -h mysql.internal -u root -pS3cr3tPassw0rd churn",
                    "mysqldump -h mysql.internal -u root -pS3cr3tPassw0rd churn events > events.sql"),
            new FakeSecret("password-flag", "Qp7-Lm2x!Vb9",
                    "pg_dump --username etl --password=Qp7-Lm2x!Vb9 churn",
                    "pg_dump --host db.internal --username etl --password=Qp7-Lm2x!Vb9 churn > churn.sql"),
            new FakeSecret("env-secret", "9Xk2mQ7rT4vB8nL1pZ6wC3yH",
                    "# .env\nDEBUG=false\nSTRIPE_WEBHOOK_TOKEN=9Xk2mQ7rT4vB8nL1pZ6wC3yH\nLOG_LEVEL=info",
                    "export MIXPANEL_API_SECRET=9Xk2mQ7rT4vB8nL1pZ6wC3yH && python export_events.py"));

    private FakeSecrets() {
    }

    public static List<FakeSecret> all() {
        return ALL;
    }

    /** Every distinct kind, in the order above. */
    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        ALL.forEach(secret -> {
            if (!kinds.contains(secret.kind())) {
                kinds.add(secret.kind());
            }
        });
        return kinds;
    }
}
