package io.nanoclaw.admin.groups;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.security.ApiTokenService;
import io.nanoclaw.admin.security.Role;

class GroupApiTest extends AttachedSampleInstallTest {

    static String viewerToken;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void issueViewerToken(@Autowired ApiTokenService tokens) {
        if (viewerToken == null) {
            viewerToken = tokens.issue("viewer-" + System.nanoTime(), Role.VIEWER);
        }
    }

    @Test
    void listsEveryGroupWithBothProvidersAndTheirCounts() throws Exception {
        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(SampleInstall.GROUPS))
                .andExpect(jsonPath("$.content[?(@.folder == 'ops-bot')].dbProvider").value(contains("codex")))
                .andExpect(jsonPath("$.content[?(@.folder == 'ops-bot')].fileProvider").value(contains(nullValue())))
                .andExpect(jsonPath("$.content[?(@.folder == 'ops-bot')].hostProvider").value(contains("codex")))
                .andExpect(jsonPath("$.content[?(@.folder == 'ops-bot')].runnerProvider").value(contains("claude")))
                .andExpect(jsonPath("$.content[?(@.folder == 'ops-bot')].providersDiffer").value(contains(true)))
                .andExpect(jsonPath("$.content[?(@.folder == 'research')].providersDiffer").value(contains(false)))
                .andExpect(jsonPath("$.content[?(@.folder == 'support')].sessionCount").value(contains(4)))
                .andExpect(jsonPath("$.content[?(@.folder == 'support')].overrideCount").value(contains(3)))
                .andExpect(jsonPath("$.content[?(@.folder == 'writer')].fileState").value(contains("MALFORMED")))
                .andExpect(jsonPath("$.content[?(@.folder == 'archive')].fileState").value(contains("FOLDER_MISSING")));
    }

    @Test
    void sortsFiltersAndPages() throws Exception {
        mvc.perform(get("/api/groups?sort=sessions,desc&size=2").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].folder").value("main"))
                .andExpect(jsonPath("$.page.totalPages").value(5));
        mvc.perform(get("/api/groups?q=OPS").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.content[*].folder").value(contains("ops-bot")));
        mvc.perform(get("/api/groups?provider=(unset)&sort=folder").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.content[*].folder").value(contains("archive", "family", "main", "scratch", "support")));
        mvc.perform(get("/api/groups?provider=codex&sort=name,desc").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.content[*].folder").value(contains("research", "ops-bot")));
    }

    @Test
    void eachGroupCarriesItsStatusAndTheListFiltersByStatusAndKindLikeThePage() throws Exception {
        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.content[?(@.folder == 'ops-bot')].status").value(contains("DRIFTED")))
                .andExpect(jsonPath("$.content[?(@.folder == 'writer')].status").value(contains("BROKEN")))
                .andExpect(jsonPath("$.content[?(@.folder == 'main')].status").value(contains("ALIGNED")));
        mvc.perform(get("/api/groups?status=BROKEN&sort=folder").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.content[*].status").value(everyItem(is("BROKEN"))))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/groups?kind=GROUP_PROVIDER_MISMATCH").header(HttpHeaders.AUTHORIZATION,
                        bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.content[*].folder").value(contains("ops-bot")));
        mvc.perform(get("/api/groups?status=SIDEWAYS").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("status"));
    }

    @Test
    void aQueryParameterTheEndpointDoesNotTakeIsRefusedNamingIt() throws Exception {
        mvc.perform(get("/api/groups?groupid=x&size=5").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("groupid"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("it takes kind, page,")));
        mvc.perform(get("/api/sessions?groupID=" + SampleInstall.OPS_BOT_ID).header(HttpHeaders.AUTHORIZATION,
                        bearer(OPERATOR_TOKEN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("groupID"));
        mvc.perform(get("/api/drift?verbose").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("verbose"));
        mvc.perform(get("/api/sessions?groupId=" + SampleInstall.OPS_BOT_ID + "&size=5")
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk());
    }

    @Test
    void aLikeWildcardInTheSearchIsTakenLiterally() throws Exception {
        mvc.perform(get("/api/groups?q=%25").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void oneGroup() throws Exception {
        mvc.perform(get("/api/groups/" + SampleInstall.TRAVEL_ID).header(HttpHeaders.AUTHORIZATION, bearer(viewerToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Travel Planner"))
                .andExpect(jsonPath("$.fileProvider").value("opencode"));
    }

    @Test
    void containerConfigComesWithItsStateAndAnEtagOfItsBytes() throws Exception {
        byte[] bytes = Files.readAllBytes(INSTALL.resolve("groups/travel/container.json"));
        String etag = FileVersion.of(bytes).etag();

        mvc.perform(get("/api/groups/" + SampleInstall.TRAVEL_ID + "/container-config")
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, etag))
                .andExpect(jsonPath("$.state").value("OK"))
                .andExpect(jsonPath("$.document.provider").value("opencode"))
                .andExpect(jsonPath("$.document.blockedHosts[0]").value("example.org"))
                .andExpect(jsonPath("$.unknownKeys").value(contains("env", "blockedHosts")))
                .andExpect(jsonPath("$.raw").value(nullValue()));

        mvc.perform(get("/api/groups/" + SampleInstall.TRAVEL_ID + "/container-config")
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void aMalformedFileComesWithItsRawTextAndTheParseError() throws Exception {
        mvc.perform(get("/api/groups/" + SampleInstall.WRITER_ID + "/container-config")
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andExpect(jsonPath("$.state").value("MALFORMED"))
                .andExpect(jsonPath("$.raw").value(containsString("\"provider\": \"claude\"")))
                .andExpect(jsonPath("$.error").value(containsString("line")))
                .andExpect(jsonPath("$.document").value(nullValue()));
    }

    @Test
    void aMissingFileOrFolderHasNoEtag() throws Exception {
        mvc.perform(get("/api/groups/" + SampleInstall.SCRATCH_ID + "/container-config")
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.state").value("MISSING"))
                .andExpect(header().doesNotExist(HttpHeaders.ETAG));
        mvc.perform(get("/api/groups/" + SampleInstall.ARCHIVE_ID + "/container-config")
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.state").value("FOLDER_MISSING"));
    }

    @Test
    void viewersSeeMcpSecretsMaskedOperatorsSeeThem() throws Exception {
        String path = "/api/groups/" + SampleInstall.FAMILY_ID + "/container-config";
        MvcResult asViewer = mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer(viewerToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secretsMasked").value(true))
                .andExpect(jsonPath("$.document.mcpServers.calendar.env.CAL_TOKEN").value(not("secret-cal-token")))
                .andReturn();
        org.assertj.core.api.Assertions.assertThat(asViewer.getResponse().getContentAsString()).doesNotContain("secret-cal-token");

        mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(jsonPath("$.secretsMasked").value(false))
                .andExpect(jsonPath("$.document.mcpServers.calendar.env.CAL_TOKEN").value("secret-cal-token"));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() throws Exception {
        mvc.perform(get("/api/groups"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:unauthenticated"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void aWrongTokenIs401AndSaysSo() throws Exception {
        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer("nope")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("unknown, revoked or expired")));
    }

    @Test
    void aLoggedInBrowserSessionDoesNotOpenTheApi() throws Exception {
        MvcResult login = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                        .formLogin().user("admin").password(ADMIN_PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false);

        mvc.perform(get("/groups").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/groups").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void aViewerMayNotChangeAnything() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/groups")
                        .header(HttpHeaders.AUTHORIZATION, bearer(viewerToken)).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:forbidden"));
    }

    @Test
    void anUnknownGroupIs404ProblemJson() throws Exception {
        mvc.perform(get("/api/groups/ag-nope").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:not-found"))
                .andExpect(jsonPath("$.detail").value(containsString("ag-nope")));
        mvc.perform(get("/api/groups/ag-nope/container-config").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void badListParametersAre400ProblemJsonNamingTheParameter() throws Exception {
        for (String query : new String[] {"sort=password", "size=1000", "page=-1", "sort=name,up"}) {
            mvc.perform(get("/api/groups?" + query).header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-parameter"))
                    .andExpect(jsonPath("$.parameter").value(query.substring(0, query.indexOf('='))));
        }
        mvc.perform(get("/api/groups?page=abc").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-parameter"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/groups'].get").exists())
                .andExpect(jsonPath("$.paths['/api/groups/{id}/container-config'].get").exists())
                .andExpect(jsonPath("$.paths['/api/sessions'].get.parameters[*].name").value(hasItem("hasOverride")))
                .andExpect(jsonPath("$.components.securitySchemes.bearerToken.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/groups']").doesNotExist())
                .andExpect(jsonPath("$.paths['/error']").doesNotExist());
    }
}
