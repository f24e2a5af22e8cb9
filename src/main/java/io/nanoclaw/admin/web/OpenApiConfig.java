package io.nanoclaw.admin.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: every API call takes a bearer token, so Swagger UI's "Authorize" asks for one. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String BEARER = "bearerToken";

    @Bean
    OpenAPI nanoclawAdminApi() {
        return new OpenAPI()
                .info(new Info().title("NanoClaw Admin API")
                        .description("Agent groups, sessions and container.json of a NanoClaw install. Errors are"
                                + " RFC 9457 problem details with a stable type (urn:nanoclaw-admin:problem:…)."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("NANOCLAW_ADMIN_TOKEN, or a token an operator issued")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
