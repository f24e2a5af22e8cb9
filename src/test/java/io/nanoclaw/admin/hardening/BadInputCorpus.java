package io.nanoclaw.admin.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.SampleInstall;

/**
 * Bad inputs across every write endpoint, sent over real HTTP (Tomcat included) or a raw socket: each must be answered
 * 4xx with a problem+json body, and leave NanoClaw's DB (every row of every table) and every file under groups/ as
 * they were. Shared by the file-era and the DB-era test.
 */
final class BadInputCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One bad request. */
    record Input(String name, String method, String path, String contentType, byte[] body, Map<String, String> headers) {

        static Input json(String name, String method, String path, String body) {
            return new Input(name, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        Input with(String header, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(header, value);
            return new Input(name, method, path, contentType, body, more);
        }
    }

    private final int port;
    private final String token;
    private final Path install;
    private final DataSource nanoclaw;
    private final HttpClient http = HttpClient.newHttpClient();

    BadInputCorpus(int port, String token, Path install, DataSource nanoclaw) {
        this.port = port;
        this.token = token;
        this.install = install;
        this.nanoclaw = nanoclaw;
    }

    /** The inputs for a group, a session of it, and its current config document (as GET gives it) and ETag. */
    List<Input> inputs(String group, String session, ObjectNode document, String etag, boolean dbEra) {
        List<Input> inputs = new ArrayList<>();
        String g = "/api/groups/" + group;
        String r1001 = "r".repeat(1001);
        // PATCH a group: providers NanoClaw would not find, wrong types, strictness, lengths, bodies that are not JSON.
        for (String body : List.of("{\"agentProvider\":\" claude\"}", "{\"agentProvider\":\"codex \"}",
                "{\"agentProvider\":\"co\\tdex\"}", "{\"agentProvider\":\"claude\\u0000\"}",
                "{\"agentProvider\":\"gpt-9\"}", "{\"agentProvider\":\"claude\\u2028\"}", "{\"agentProvider\":7}",
                "{\"agentProvider\":[]}", "{\"agentProvider\":{}}", "{\"agentProvider\":true}",
                "{\"agentProvider\":\"claude\",\"dryRun\":\"yes\"}", "{\"agentProvider\":\"claude\",\"dryRun\":1}",
                "{\"agentProvider\":\"claude\",\"reason\":\"" + r1001 + "\"}",
                "{\"agentProvider\":\"claude\",\"reason\":5}", "{\"agentProvider\":\"claude\",\"name\":\"x\"}", "{}",
                "{\"name\":\"\"}", "{\"name\":\"" + "n".repeat(2000) + "\"}", "{\"name\":\"a\\nb\"}",
                "{\"name\":\"nul\\u0000\"}", "{\"name\":7}", "not json", "{\"agentProvider\":\"claude\"", "[]", "null",
                "\"claude\"", "{\"agentProvider\":\"claude\"}}", "{\"agentProvider\":\"" + "x".repeat(5000) + "\"}")) {
            inputs.add(Input.json("PATCH group " + abbreviate(body), "PATCH", g, body));
        }
        inputs.add(Input.json("PATCH unknown group", "PATCH", "/api/groups/ag-nope", "{\"agentProvider\":\"claude\"}"));
        inputs.add(new Input("PATCH group as text/plain", "PATCH", g, "text/plain",
                "{\"agentProvider\":\"claude\"}".getBytes(StandardCharsets.UTF_8), Map.of()));
        // Sessions.
        for (String body : List.of("{\"agentProvider\":\" codex\"}", "{\"agentProvider\":5}",
                "{\"agentProvider\":\"codex\",\"dryRun\":\"yes\"}", "{\"agentProvider\":\"unknown-one\"}",
                "{\"agentProvider\":\"codex\",\"reason\":\"" + r1001 + "\"}", "nope")) {
            inputs.add(Input.json("PATCH session " + abbreviate(body), "PATCH", "/api/sessions/" + session, body));
        }
        inputs.add(Input.json("PATCH unknown session", "PATCH", "/api/sessions/sess-nope", "{\"agentProvider\":null}"));
        // Creating groups: folders NanoClaw refuses, traversal, names, providers, lengths.
        for (String folder : List.of("../../etc", "/abs", "a/b", "..", "", "Upper Case", "x".repeat(200), "nul\\u0000",
                "global", "a\\\\b", "%2e%2e")) {
            String body = "{\"name\":\"New\",\"folder\":\"" + folder + "\"}";
            inputs.add(Input.json("create folder " + abbreviate(folder), "POST", "/api/groups", body));
        }
        for (String body : List.of("{\"folder\":\"fresh-a\"}", "{\"name\":\"\",\"folder\":\"fresh-b\"}",
                "{\"name\":\"" + "n".repeat(201) + "\",\"folder\":\"fresh-c\"}",
                "{\"name\":\"Tab\\there\",\"folder\":\"fresh-d\"}",
                "{\"name\":\"New\",\"folder\":\"fresh-e\",\"agentProvider\":\" claude\"}",
                "{\"name\":\"New\",\"folder\":\"fresh-f\",\"reason\":\"" + r1001 + "\"}",
                "{\"name\":\"New\",\"folder\":5}", "[1]")) {
            inputs.add(Input.json("create " + abbreviate(body), "POST", "/api/groups", body));
        }
        // Deleting.
        inputs.add(Input.json("delete unknown group", "DELETE", "/api/groups/ag-nope", ""));
        inputs.add(Input.json("delete with an overlong reason", "DELETE", g + "?reason=" + r1001, ""));
        inputs.add(Input.json("delete with a non-boolean force", "DELETE", g + "?force=maybe", ""));
        // Fixes and alignment.
        for (String body : List.of("{\"fix\":\"MAKE_IT_WORK\"}", "{\"fix\":null}", "{}", "{\"fix\":7}",
                "{\"fix\":\"CLEAR_SESSION_OVERRIDE\"}", "{\"fix\":\"CLEAR_SESSION_OVERRIDE\",\"sessionId\":\"sess-nope\"}",
                "{\"fix\":\"RESTORE_CONFIG_VERSION\",\"version\":987654321}",
                "{\"fix\":\"RESTORE_CONFIG_VERSION\",\"version\":\"latest\"}",
                "{\"fix\":\"ALIGN_FROM_DB\",\"dryRun\":\"yes\"}",
                "{\"fix\":\"ALIGN_FROM_DB\",\"reason\":\"" + r1001 + "\"}")) {
            inputs.add(Input.json("fix " + abbreviate(body), "POST", g + "/fixes", body));
        }
        for (String body : List.of("{\"source\":\"sideways\"}", "{\"source\":\"db\",\"kinds\":[null]}",
                "{\"source\":\"db\",\"kinds\":[\"NOPE\"]}", "{\"source\":\"db\",\"groupIds\":\"all\"}",
                "{\"source\":\"db\",\"dryRun\":\"yes\"}", "{\"source\":\"db\",\"reason\":\"" + r1001 + "\"}")) {
            inputs.add(Input.json("align " + abbreviate(body), "POST", "/api/drift/align", body));
        }
        inputs.add(Input.json("align one group from nowhere", "POST", g + "/align", "{\"source\":null}"));
        inputs.add(Input.json("clear overrides dryRun yes", "POST", g + "/clear-overrides", "{\"dryRun\":\"yes\"}"));
        inputs.add(Input.json("clear overrides long reason", "POST", g + "/clear-overrides",
                "{\"reason\":\"" + r1001 + "\"}"));
        // Restart (the host is not running here, and bad messages are refused first).
        inputs.add(Input.json("restart with NUL", "POST", g + "/restart", "{\"message\":\"a\\u0000b\"}"));
        inputs.add(Input.json("restart with a long message", "POST", g + "/restart",
                "{\"message\":\"" + "m".repeat(2001) + "\"}"));
        inputs.add(Input.json("restart with no host", "POST", g + "/restart", "{}"));
        // The config: If-Match rules.
        String config = g + "/container-config";
        String same = document.toString();
        inputs.add(Input.json("PUT without If-Match", "PUT", config, same));
        inputs.add(Input.json("PUT with a weak If-Match", "PUT", config, same).with("If-Match", "W/" + etag));
        inputs.add(Input.json("PUT with a stale If-Match", "PUT", config, changed(document, "assistantName", "Stale"))
                .with("If-Match", "\"0000\""));
        inputs.add(Input.json("PUT with If-Match *", "PUT", config, changed(document, "assistantName", "Star"))
                .with("If-Match", "*"));
        inputs.add(Input.json("PUT with a non-boolean dryRun", "PUT", config + "?dryRun=maybe", same)
                .with("If-Match", etag));
        // The config: bodies NanoClaw would not run, or that the service could not read back.
        List<String> bodies = new ArrayList<>(List.of("{", "[]", "\"text\"", "null", "42", "{\"a\":1}}", "",
                changed(document, "provider", " claude"), changed(document, "provider", "codex "),
                changed(document, "provider", "gpt-9"), changed(document, "provider", "co\u0000dex"),
                changedRaw(document, "provider", "7"), changedRaw(document, "maxMessagesPerPrompt", "1e+400"),
                changedRaw(document, "maxMessagesPerPrompt", "0"), changedRaw(document, "maxMessagesPerPrompt", "-1"),
                changedRaw(document, "maxMessagesPerPrompt", "\"ten\""),
                changedRaw(document, "maxMessagesPerPrompt", "9007199254740993"),
                changedRaw(document, "mcpServers", "[]"), changedRaw(document, "mcpServers", "{\"x\":{\"args\":[]}}"),
                changedRaw(document, "additionalMounts", "[{\"hostPath\":\"~/.ssh\"}]"),
                changedRaw(document, "additionalMounts", "[{\"hostPath\":\"../../etc\"}]"),
                changedRaw(document, "additionalMounts", "[{\"hostPath\":\"relative/dir\"}]"),
                changedRaw(document, "additionalMounts", "[{\"hostPath\":\"/srv/data\",\"containerPath\":\"../up\"}]"),
                changedRaw(document, "additionalMounts", "{\"hostPath\":\"/srv\"}"),
                changedRaw(document, "skills", "7"), changedRaw(document, "packages", "[\"ffmpeg\"]"),
                "[".repeat(5000) + "]".repeat(5000)));
        if (dbEra) {
            bodies.add(changed(document, "groupName", "Someone else"));
            bodies.add(changedRaw(document, "env", "{\"A\":\"b\"}"));
            bodies.add(changedRaw(document, "cliScope", "\"root\""));
            bodies.add(changedRaw(document, "cliScope", "7"));
        } else {
            bodies.add(changed(document, "provider", "Codex"));
        }
        for (String body : bodies) {
            inputs.add(Input.json("PUT " + abbreviate(body), "PUT", config, body).with("If-Match", etag));
        }
        byte[] latin1 = changed(document, "assistantName", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        inputs.add(new Input("PUT declared latin1", "PUT", config, "application/json; charset=latin1", latin1,
                Map.of("If-Match", etag)));
        inputs.add(new Input("PUT with bytes that are not UTF-8", "PUT", config, "application/json", latin1,
                Map.of("If-Match", etag)));
        inputs.add(new Input("PUT of 3 MB", "PUT", config, "application/json",
                changed(document, "assistantName", "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8),
                Map.of("If-Match", etag)));
        inputs.add(new Input("PUT of 1.5 MB (over what is read back)", "PUT", config, "application/json",
                changed(document, "assistantName", "y".repeat(1536 * 1024)).getBytes(StandardCharsets.UTF_8),
                Map.of("If-Match", etag)));
        inputs.add(new Input("PUT as text/plain", "PUT", config, "text/plain", same.getBytes(StandardCharsets.UTF_8),
                Map.of("If-Match", etag)));
        for (String patch : List.of("{\"provider\":\" claude\"}", "{\"additionalMounts\":[{\"hostPath\":\"../../etc\"}]}",
                "{\"maxMessagesPerPrompt\":1e400}", "[]", "{\"mcpServers\":{\"x\":{}}}", "{")) {
            inputs.add(new Input("PATCH config " + abbreviate(patch), "PATCH", config, "application/merge-patch+json",
                    patch.getBytes(StandardCharsets.UTF_8), Map.of("If-Match", etag)));
        }
        inputs.add(Input.json("restore an unknown version", "POST", config + "/history/987654321/restore", "{}"));
        inputs.add(Input.json("restore version abc", "POST", config + "/history/abc/restore", "{}"));
        // Paths and query parameters.
        inputs.add(Input.json("PATCH a traversal path", "PATCH", "/api/groups/..%2F..%2Fetc", "{\"agentProvider\":null}"));
        inputs.add(Input.json("list with size -1", "GET", "/api/groups?size=-1", ""));
        inputs.add(Input.json("list with size abc", "GET", "/api/groups?size=abc", ""));
        inputs.add(Input.json("list with a bogus sort", "GET", "/api/groups?sort=nope,sideways", ""));
        inputs.add(Input.json("list with a huge page", "GET", "/api/groups?page=99999999999999999999", ""));
        inputs.add(Input.json("sessions with a bogus status", "GET", "/api/sessions?status=zombie", ""));
        inputs.add(Input.json("PATCH without a token", "PATCH", g, "{\"agentProvider\":\"claude\"}")
                .with("Authorization", "Bearer wrong-token"));
        return inputs;
    }

    /** Raw requests Tomcat answers before any servlet runs. */
    List<String> rawRequests(String group) {
        String h = "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n";
        return List.of(
                "GET /api/groups/%00 HTTP/1.1\r\n" + h + "\r\n",
                "GET /api/groups/\u00ff\u00fe HTTP/1.1\r\n" + h + "\r\n",
                "GET /api/groups/a b HTTP/1.1\r\n" + h + "\r\n",
                "PATCH /api/groups/" + group + " HTTP/1.1\r\n" + h + "X-Big: " + "z".repeat(20_000)
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                "PATCH /api/groups/" + group + " HTTP/1.1\r\n" + h
                        + "Content-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"agentProvider\":\"cla",
                "GARBAGE\r\n\r\n");
    }

    /** Sends one input; returns its status and body after checking it is a 4xx problem+json. */
    void assertRefused(Input input) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + input.path()))
                .method(input.method(), input.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(input.body()))
                .header("Accept", "application/json");
        if (input.contentType() != null && input.body().length > 0) {
            request.header("Content-Type", input.contentType());
        }
        if (!input.headers().containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        input.headers().forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", input.name(), response.body()).isBetween(400, 499);
        assertProblem(input.name(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    void assertRawRefused(String raw) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String name = "raw " + abbreviate(raw.lines().findFirst().orElse(""));
            assertThat(answer).as(name).startsWith("HTTP/1.1 4");
            int split = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, Math.max(split, 0)).toLowerCase(java.util.Locale.ROOT);
            String body = split < 0 ? "" : answer.substring(split + 4);
            if (head.contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            String type = head.lines().filter(line -> line.startsWith("content-type:")).findFirst().orElse("");
            assertProblem(name, type, body);
        }
    }

    private static void assertProblem(String name, String contentType, String body) {
        assertThat(contentType).as("%s: content type", name).contains("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("type").isString()).as("%s: type in %s", name, body).isTrue();
        assertThat(problem.path("status").asInt()).as("%s: status in %s", name, body).isBetween(400, 499);
        assertThat(body).as("%s: no internals", name).doesNotContain("at io.nanoclaw", "Exception", "org.apache");
    }

    /** Every row of every table of NanoClaw's DB, in a stable order, and every file under groups/. */
    String state() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection db = nanoclaw.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = db.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables.stream().sorted().toList()) {
                dump.append("## ").append(table).append('\n');
                try (var statement = db.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            dump.append(rows.getString(i)).append('|');
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        SampleInstall.snapshot(install.resolve("groups")).forEach((file, hash) ->
                dump.append(file).append(' ').append(hash).append('\n'));
        return dump.toString();
    }

    private static String changed(ObjectNode document, String key, String value) {
        ObjectNode copy = document.deepCopy();
        copy.put(key, value);
        return copy.toString();
    }

    /** The document with {@code key} set to raw JSON text (numbers Jackson would not keep, wrong types). */
    private static String changedRaw(ObjectNode document, String key, String rawJson) {
        ObjectNode copy = document.deepCopy();
        copy.remove(key);
        String text = copy.toString();
        String member = JSON.writeValueAsString(key) + ":" + rawJson;
        return copy.isEmpty() ? "{" + member + "}" : text.substring(0, text.length() - 1) + "," + member + "}";
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("[\\r\\n]", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int end = body.indexOf("\r\n", at);
            if (end < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, end).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
        return out.toString();
    }
}
