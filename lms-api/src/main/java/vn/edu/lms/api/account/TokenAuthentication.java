package vn.edu.lms.api.account;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Credentials;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Grant;

/**
 * Turns the secret a request presents (bearer token or session cookie) into the current user:
 * hash it, find the live token and its account (kept a few seconds, see {@link AccountStore#SIGN_IN_FRESH_FOR}).
 * An unknown, expired or revoked secret is a 401.
 */
@Configuration(proxyBeanMethods = false)
class TokenAuthentication {

    /** The presented secret, carried as the credentials of an unauthenticated token. */
    @Bean
    ServerAuthenticationConverter presentedCredentials() {
        return exchange -> Mono.justOrEmpty(Credentials.presented(exchange.getRequest()))
            .filter(secret -> !secret.isBlank())
            .map(secret -> (Authentication) UsernamePasswordAuthenticationToken.unauthenticated(null, secret));
    }

    @Bean
    ReactiveAuthenticationManager tokenAuthenticationManager(AccountStore accounts, Clock clock) {
        return authentication -> {
            String secret = String.valueOf(authentication.getCredentials());
            return accounts.signedIn(Credentials.hash(secret))
                .filter(signedIn -> signedIn.token().validAt(clock.instant()))
                .<Authentication>map(signedIn -> authenticated(signedIn.account(), signedIn.token()))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or expired credentials")));
        };
    }

    private static UsernamePasswordAuthenticationToken authenticated(Account account, AccessToken token) {
        CurrentUser user = userOf(account);
        var authorities = account.grants().stream().map(Grant::role).distinct()
            .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        result.setDetails(token.id());
        return result;
    }

    static CurrentUser userOf(Account account) {
        return new CurrentUser(account.id(), List.copyOf(account.grants()), account.mustChangePassword());
    }
}
