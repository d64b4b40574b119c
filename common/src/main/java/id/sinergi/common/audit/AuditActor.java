package id.sinergi.common.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The end user (or service account) behind an audited action, as their verified token named them.
 *
 * @param subject Keycloak user id ({@code sub})
 * @param username Keycloak user name ({@code preferred_username}), an account name, not a person's name
 * @param agency {@code KEMENP2MI} or {@code KEMLU}
 * @param mission the mission code of a consular officer
 * @param clientId the OAuth client the token was issued to
 * @param roles realm roles held when acting
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditActor(
        @NotBlank @Size(max = 64) String subject,
        @Size(max = 255) String username,
        @Size(max = 16) String agency,
        @Size(max = 64) String mission,
        @Size(max = 255) String clientId,
        List<@Size(max = 64) String> roles) {}
