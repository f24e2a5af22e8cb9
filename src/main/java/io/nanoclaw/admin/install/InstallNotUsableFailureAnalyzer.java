package io.nanoclaw.admin.install;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable install into Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class InstallNotUsableFailureAnalyzer extends AbstractFailureAnalyzer<InstallNotUsableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InstallNotUsableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
