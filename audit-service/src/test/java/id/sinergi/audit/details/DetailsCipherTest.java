package id.sinergi.audit.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DetailsCipherTest {

    private final byte[] master = DetailsCipher.newKey();
    private final UUID worker = UUID.randomUUID();
    private final UUID keyId = UUID.randomUUID();
    private final UUID event = UUID.randomUUID();
    private final byte[] plaintext = "{\"said\":\"my passport was taken\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldWrapAndUnwrapADataKeyAndSealAndOpenDetails() throws Exception {
        byte[] dataKey = DetailsCipher.newKey();

        byte[] wrapped = DetailsCipher.wrap(master, worker, keyId, dataKey);
        byte[] box = DetailsCipher.seal(dataKey, keyId, event, worker, plaintext);

        assertThat(wrapped).hasSize(DetailsCipher.WRAPPED_BYTES);
        assertThat(DetailsCipher.unwrap(master, worker, keyId, wrapped)).isEqualTo(dataKey);
        assertThat(DetailsCipher.keyIdOf(box)).isEqualTo(keyId);
        assertThat(DetailsCipher.open(dataKey, event, worker, box)).isEqualTo(plaintext);
        assertThat(new String(box, StandardCharsets.ISO_8859_1)).doesNotContain("passport");
    }

    @Test
    void shouldNeverSealTheSameDetailsToTheSameBytes() {
        byte[] dataKey = DetailsCipher.newKey();

        assertThat(DetailsCipher.seal(dataKey, keyId, event, worker, plaintext))
                .isNotEqualTo(DetailsCipher.seal(dataKey, keyId, event, worker, plaintext));
    }

    @Test
    void shouldRefuseAnotherMasterKeyAWrappedKeyMovedToAnotherWorkerAndChangedBytes() {
        byte[] dataKey = DetailsCipher.newKey();
        byte[] wrapped = DetailsCipher.wrap(master, worker, keyId, dataKey);
        byte[] changed = wrapped.clone();
        changed[20] ^= 1;

        assertThatThrownBy(() -> DetailsCipher.unwrap(DetailsCipher.newKey(), worker, keyId, wrapped))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> DetailsCipher.unwrap(master, UUID.randomUUID(), keyId, wrapped))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> DetailsCipher.unwrap(master, worker, keyId, changed))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void shouldRefuseDetailsOpenedForAnotherEventOrWithAnotherKey() {
        byte[] dataKey = DetailsCipher.newKey();
        byte[] box = DetailsCipher.seal(dataKey, keyId, event, worker, plaintext);

        assertThatThrownBy(() -> DetailsCipher.open(dataKey, UUID.randomUUID(), worker, box))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> DetailsCipher.open(DetailsCipher.newKey(), event, worker, box))
                .isInstanceOf(GeneralSecurityException.class);
        assertThat(DetailsCipher.keyIdOf(new byte[] {9, 9})).isNull();
    }

    @Test
    void shouldNameTheMasterKeyWithoutRevealingIt() {
        String id = DetailsCipher.masterKeyId(master);

        assertThat(id).matches("[0-9a-f]{8}").isEqualTo(DetailsCipher.masterKeyId(master.clone()));
        assertThat(DetailsCipher.masterKeyId(DetailsCipher.newKey())).isNotEqualTo(id);
    }
}
