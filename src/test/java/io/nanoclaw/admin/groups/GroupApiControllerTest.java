package io.nanoclaw.admin.groups;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.install.GroupsDirectory;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallEra;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallMode;
import io.nanoclaw.admin.security.ApiToken;
import io.nanoclaw.admin.security.ApiTokenService;
import io.nanoclaw.admin.security.Role;
import io.nanoclaw.admin.security.SecurityConfig;

/** The API's edges in isolation: how service failures become problem details. */
@WebMvcTest(GroupApiController.class)
@Import({SecurityConfig.class, GroupApiControllerTest.Layout.class})
class GroupApiControllerTest {

    @TestConfiguration
    static class Layout {
        @Bean
        InstallLayout installLayout() {
            return new InstallLayout(InstallMode.EMBEDDED, Path.of("/tmp"), "test", new GroupsDirectory(Path.of("/tmp/groups")));
        }

        @Bean
        DetectedEra detectedEra() {
            return new DetectedEra(InstallEra.DB_CONFIG, true, java.util.List.of());
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GroupService groups;

    @MockitoBean
    ApiTokenService tokens;

    @MockitoBean
    io.nanoclaw.admin.audit.AuditService audit;

    @MockitoBean
    io.nanoclaw.admin.drift.DriftService drift;

    @BeforeEach
    void operatorToken() {
        when(tokens.authenticate("op")).thenReturn(Optional.of(
                new ApiToken(1L, "op", "hash", Role.OPERATOR, Instant.now(), null, null, null)));
    }

    @Test
    void aBusyInstallDatabaseIs503WithRetryAfterNot500() throws Exception {
        when(groups.list(any(), any())).thenThrow(new CannotAcquireLockException("[SQLITE_BUSY] database is locked"));

        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, "Bearer op"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:install-busy"))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was changed")));
    }

    @Test
    void anUnexpectedFailureIs500ProblemJsonWithoutInternals() throws Exception {
        when(groups.get(anyString())).thenThrow(new IllegalStateException("secret internal detail"));

        mvc.perform(get("/api/groups/ag-1").header(HttpHeaders.AUTHORIZATION, "Bearer op"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:internal-error"))
                .andExpect(content().string(not(containsString("secret internal detail"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void aMissingGroupIs404WithTheIdInTheDetail() throws Exception {
        when(groups.containerConfig(anyString(), anyBoolean())).thenThrow(new GroupNotFoundException("ag-9"));

        mvc.perform(get("/api/groups/ag-9/container-config").header(HttpHeaders.AUTHORIZATION, "Bearer op"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.instance").value("/api/groups/ag-9/container-config"))
                .andExpect(jsonPath("$.detail").value(containsString("ag-9")));
    }
}
