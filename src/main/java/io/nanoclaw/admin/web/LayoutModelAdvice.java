package io.nanoclaw.admin.web;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallLayout;

/**
 * What every page's layout shows: which install this is and its era, and the demo banner in embedded mode. Pages
 * shown to callers who have not logged in (the log-in page, errors) get neither the install nor its era (null): they
 * must not tell its paths or schema; only whether it is the embedded demo.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final InstallLayout install;
    private final DetectedEra era;

    LayoutModelAdvice(InstallLayout install, DetectedEra era) {
        this.install = install;
        this.era = era;
    }

    /** When the page read what it shows: every page says how old it is. */
    @ModelAttribute("readAt")
    java.time.Instant readAt() {
        return java.time.Instant.now();
    }

    @ModelAttribute("era")
    DetectedEra era() {
        return loggedIn() ? era : null;
    }

    @ModelAttribute("install")
    InstallLayout install() {
        return loggedIn() ? install : null;
    }

    /** The demo banner names no path: every caller sees it. */
    @ModelAttribute("demo")
    boolean demo() {
        return install.isDemo();
    }

    private static boolean loggedIn() {
        return TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }
}
