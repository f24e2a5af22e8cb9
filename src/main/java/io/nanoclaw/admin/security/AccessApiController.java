package io.nanoclaw.admin.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens and UI accounts, for OPERATOR tokens only (reading included). */
@RestController
@RequestMapping("/api")
@Tag(name = "Access", description = "API tokens and UI accounts (OPERATOR only)")
class AccessApiController {

    private final AccessService access;

    AccessApiController(AccessService access) {
        this.access = access;
    }

    @GetMapping("/tokens")
    @Operation(summary = "List API tokens", description = "Name, role, state (ACTIVE, EXPIRED, REVOKED), createdAt,"
            + " revokedAt, expiresAt (null = until revoked) and lastUsedAt (to the minute; null = never); never the"
            + " secret or its hash.")
    List<TokenSummary> tokens() {
        return access.tokens();
    }

    @PostMapping("/tokens")
    @Operation(summary = "Issue a named API token", description = "name: 1–64 of A-Z a-z 0-9 . _ -, unique; role:"
            + " VIEWER (default) or OPERATOR; expiresInDays: 1-3650, absent = works until revoked. The answer carries the secret, this once: only its SHA-256 is stored.")
    ResponseEntity<IssuedToken> issue(@RequestBody TokenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(access.issueToken(request));
    }

    @DeleteMapping("/tokens/{name}")
    @Operation(summary = "Revoke an API token", description = "It stops working at once; revoking it again changes"
            + " nothing. admin-env works again after the next start while NANOCLAW_ADMIN_TOKEN is set.")
    ResponseEntity<Void> revoke(@PathVariable String name) {
        access.revokeToken(name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/operators")
    @Operation(summary = "List UI accounts", description = "User name, role and createdAt; never the password hash.")
    List<OperatorSummary> operators() {
        return access.operators();
    }

    @PostMapping("/operators")
    @Operation(summary = "Create a UI account", description = "username: 1–64 of A-Z a-z 0-9 . _ -, unique;"
            + " password: 12 characters or more (at most 72 bytes), stored hashed; role: VIEWER (default) or OPERATOR.")
    ResponseEntity<OperatorSummary> create(@RequestBody OperatorRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(access.createOperator(request));
    }

    @DeleteMapping("/operators/{username}")
    @Operation(summary = "Delete a UI account", description = "Its open sessions end at once. Never the last"
            + " OPERATOR account (409).")
    ResponseEntity<Void> delete(@PathVariable String username, Authentication caller) {
        access.deleteOperator(username, caller.getName());
        return ResponseEntity.noContent().build();
    }
}
