package io.nanoclaw.admin.browser;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nanoclaw.admin.SampleInstall;

/** A browser test over the test class's own copy of the DB-config era's sample install. */
abstract class DbEraBrowserTest extends BrowserSession {

    @DynamicPropertySource
    static void install(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.install-root", () -> SampleInstall.copyDbEraTo(installCopy).toString());
    }
}
