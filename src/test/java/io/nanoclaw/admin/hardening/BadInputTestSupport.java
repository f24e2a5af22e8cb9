package io.nanoclaw.admin.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Runs the corpus on one attached install: every input refused, and the install unchanged after each. */
final class BadInputTestSupport {

    private BadInputTestSupport() {
    }

    static int run(int port, String token, Path install, DataSource nanoclaw, boolean dbEra) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(nanoclaw);
        String group = jdbc.queryForObject("SELECT id FROM agent_groups WHERE folder = 'main'", String.class);
        String session = jdbc.queryForObject("SELECT id FROM sessions ORDER BY id LIMIT 1", String.class);
        HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/groups/" + group + "/container-config"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode read = JsonMapper.builder().build().readTree(config.body());
        String etag = config.headers().firstValue("ETag").orElseThrow();
        ObjectNode document = (ObjectNode) read.get("document");

        BadInputCorpus corpus = new BadInputCorpus(port, token, install, nanoclaw);
        String before = corpus.state();
        List<BadInputCorpus.Input> inputs = corpus.inputs(group, session, document, etag, dbEra);
        for (BadInputCorpus.Input input : inputs) {
            corpus.assertRefused(input);
            assertThat(corpus.state()).as("the install after: %s", input.name()).isEqualTo(before);
        }
        List<String> raw = corpus.rawRequests(group);
        for (String request : raw) {
            corpus.assertRawRefused(request);
        }
        assertThat(corpus.state()).as("the install after the raw requests").isEqualTo(before);
        return inputs.size() + raw.size();
    }
}
