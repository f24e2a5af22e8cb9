package io.nanoclaw.admin.security;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

import io.nanoclaw.admin.install.AdminStore;

@AdminStore
public interface OperatorRepository extends ListCrudRepository<Operator, Long> {

    Optional<Operator> findByUsername(String username);
}
