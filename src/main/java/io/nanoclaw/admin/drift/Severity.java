package io.nanoclaw.admin.drift;

/** How much a finding matters, worst first. */
public enum Severity {
    ERROR, WARNING, INFO
}
