package io.nanoclaw.admin.install;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Transactional;

/**
 * Marks a repository of the admin store (our own H2 database), as opposed to NanoClaw's DB. On a service method,
 * use {@link AdminStore.Transaction} to run in the admin store's transaction.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdminStore {

    /** A transaction on the admin store. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Transactional(transactionManager = AdminStoreConfig.TRANSACTION_MANAGER)
    @interface Transaction {
    }
}
