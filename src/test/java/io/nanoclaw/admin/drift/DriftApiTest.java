package io.nanoclaw.admin.drift;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.security.ApiTokenService;
import io.nanoclaw.admin.security.Role;

class DriftApiTest extends AttachedSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenService tokens;

    @Test
    void theReportHasTheContractsShape() throws Exception {
        mvc.perform(api(get("/api/drift")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scannedAt").isString())
                .andExpect(jsonPath("$.summary.groups").value(9))
                .andExpect(jsonPath("$.summary.aligned").value(4))
                .andExpect(jsonPath("$.summary.drifted").value(3))
                .andExpect(jsonPath("$.summary.broken").value(2))
                .andExpect(jsonPath("$.summary.findings.ERROR").value(4))
                .andExpect(jsonPath("$.summary.findings.WARNING").value(3))
                .andExpect(jsonPath("$.summary.findings.INFO").value(4))
                .andExpect(jsonPath("$.groups[?(@.folder == 'ops-bot')].status").value(hasItem("DRIFTED")))
                .andExpect(jsonPath("$.groups[?(@.folder == 'ops-bot')].runnerProvider").value(hasItem("claude")))
                .andExpect(jsonPath("$.findings[0].kind").value("GROUP_PROVIDER_MISMATCH"))
                .andExpect(jsonPath("$.findings[0].fixes[0]").value("ALIGN_FROM_DB"))
                .andExpect(jsonPath("$.findings[?(@.kind == 'ORPHAN_FOLDER')].groupId").value(hasItem(nullValue())))
                .andExpect(jsonPath("$.findings[?(@.kind == 'GROUP_PROVIDER_MISMATCH')].sessionId").value(hasItem(nullValue())));
    }

    @Test
    void aPollerThatHasTheLatestScanGets304() throws Exception {
        String etag = mvc.perform(api(get("/api/drift"))).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);

        mvc.perform(api(get("/api/drift")).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotModified());
        mvc.perform(api(post("/api/drift/scan"))).andExpect(status().isOk());
        mvc.perform(api(get("/api/drift")).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isOk());
    }

    @Test
    void findingsFilterBySeverityKindAndGroup() throws Exception {
        mvc.perform(api(get("/api/drift?severity=warning")))
                .andExpect(jsonPath("$.findings.length()").value(3))
                .andExpect(jsonPath("$.findings[*].severity").value(everyItem(is("WARNING"))))
                .andExpect(jsonPath("$.summary.findings.ERROR").value(4));
        mvc.perform(api(get("/api/drift?kind=SESSION_PROVIDER_MISMATCH")))
                .andExpect(jsonPath("$.findings.length()").value(2));
        mvc.perform(api(get("/api/drift?groupId=" + SampleInstall.TRAVEL_ID)))
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.findings[*].kind").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "IDENTITY_STALE", "UNKNOWN_KEYS_AT_RISK")));
    }

    @Test
    void badFiltersAre400() throws Exception {
        mvc.perform(api(get("/api/drift?severity=fatal")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value("severity"))
                .andExpect(jsonPath("$.detail").value(containsString("WARNING")));
        mvc.perform(api(get("/api/drift?kind=NOPE"))).andExpect(status().isBadRequest());
    }

    @Test
    void oneGroupIsCheckedAfreshWhenItsFileChanges() throws Exception {
        Path file = INSTALL.resolve("groups/research/container.json");
        String original = Files.readString(file);
        String researchId = "ag-1776160900000-codex1";
        try {
            Files.writeString(file, original.replace("\"provider\": \"codex\"", "\"provider\": \"opencode\""));

            mvc.perform(api(get("/api/groups/" + researchId + "/drift")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.groups[0].status").value("DRIFTED"))
                    .andExpect(jsonPath("$.groups[0].runnerProvider").value("opencode"))
                    .andExpect(jsonPath("$.findings[*].kind").value(hasItem("GROUP_PROVIDER_MISMATCH")));
        } finally {
            Files.writeString(file, original);
        }
        mvc.perform(api(get("/api/groups/" + researchId + "/drift")))
                .andExpect(jsonPath("$.groups[0].status").value("ALIGNED"));
        mvc.perform(api(get("/api/groups/ag-nope/drift")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void scanningNeedsTheOperatorRole() throws Exception {
        String viewer = tokens.issue("drift-viewer-" + System.nanoTime(), Role.VIEWER);

        mvc.perform(post("/api/drift/scan").header(HttpHeaders.AUTHORIZATION, bearer(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/drift").header(HttpHeaders.AUTHORIZATION, bearer(viewer)))
                .andExpect(status().isOk());
        mvc.perform(api(post("/api/drift/scan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.groups").value(9));
    }

    @Test
    void anonymousHealthProbesGetTheStatusOnly() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    @Test
    void healthHasADriftComponentThatIsDownWhileGroupsAreBroken() throws Exception {
        mvc.perform(api(post("/api/drift/scan"))).andExpect(status().isOk());

        mvc.perform(api(get("/actuator/health")))
                .andExpect(jsonPath("$.components.drift.status").value("DOWN"))
                .andExpect(jsonPath("$.components.drift.details.broken").value(2))
                .andExpect(jsonPath("$.components.drift.details.drifted").value(3))
                .andExpect(jsonPath("$.components.drift.details.findings.ERROR").value(4));
    }

    @Test
    void prometheusHasGaugesByStatusAndByKind() throws Exception {
        mvc.perform(api(post("/api/drift/scan"))).andExpect(status().isOk());

        mvc.perform(api(get("/actuator/prometheus")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nanoclaw_drift_groups{status=\"BROKEN\"} 2")))
                .andExpect(content().string(containsString("nanoclaw_drift_groups{status=\"ALIGNED\"} 4")))
                .andExpect(content().string(containsString(
                        "nanoclaw_drift_findings{kind=\"GROUP_PROVIDER_MISMATCH\",severity=\"ERROR\"} 1")))
                .andExpect(content().string(containsString(
                        "nanoclaw_drift_findings{kind=\"MOUNT_NOT_ALLOWED\",severity=\"ERROR\"} 0")));
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }
}
