package id.sinergi.audit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    private static final NoteKey LOG =
            NoteKey.signer("audit.sinergi.example/log", NoteKey.NOTE, Ed25519Keys.generate());

    private static final NoteKey WITNESS =
            NoteKey.signer("kemlu.example/witness", NoteKey.COSIGNATURE, Ed25519Keys.generate());

    private static Checkpoint checkpoint() {
        return new Checkpoint(
                "audit.sinergi.example/log",
                42,
                MerkleHash.sha256(new byte[] {1}),
                Instant.ofEpochSecond(1_796_000_000L));
    }

    @Test
    void aSignedCheckpointRoundTripsAndVerifiesWithItsVkey() {
        String text = checkpoint().body();
        SignedNote note = new SignedNote(text, java.util.List.of(LOG.sign(text, 0)));
        String wire = note.format();
        assertThat(wire).startsWith("audit.sinergi.example/log\n42\n").contains("\ntime 1796000000\n\n\u2014 ");

        SignedNote read = SignedNote.parse(wire);
        NoteKey verifier = NoteKey.parseVkey(LOG.vkey());
        assertThat(verifier.signed(read)).isTrue();
        assertThat(Checkpoint.parse(read.text())).isEqualTo(checkpoint());
    }

    @Test
    void anEditedCheckpointOrSignatureFails() {
        String text = checkpoint().body();
        SignedNote.Line line = LOG.sign(text, 0);
        assertThat(LOG.verifies(text.replace("\n42\n", "\n43\n"), line)).isFalse();
        byte[] signature = line.signature();
        signature[10] ^= 1;
        assertThat(LOG.verifies(text, new SignedNote.Line(line.name(), line.keyId(), signature)))
                .isFalse();
        NoteKey other = NoteKey.signer("audit.sinergi.example/log", NoteKey.NOTE, Ed25519Keys.generate());
        assertThat(other.verifies(text, line)).isFalse();
    }

    @Test
    void aCosignatureCarriesItsTimeAndCoversTheWholeBody() {
        String text = checkpoint().body();
        SignedNote note = new SignedNote(text, java.util.List.of(LOG.sign(text, 0)));
        SignedNote.Line cosignature = WITNESS.sign(text, 1_796_000_100L);
        SignedNote cosigned = SignedNote.parse(note.with(cosignature).format());

        NoteKey witness = NoteKey.parseVkey(WITNESS.vkey());
        assertThat(witness.type()).isEqualTo(NoteKey.COSIGNATURE);
        assertThat(witness.signed(cosigned)).isTrue();
        assertThat(NoteKey.cosignatureTime(cosignature)).isEqualTo(1_796_000_100L);
        assertThat(witness.verifies(text.replace("time 1796000000", "time 1796000001"), cosignature))
                .isFalse();
        // A log key does not take a cosignature for its own, nor the other way round.
        assertThat(NoteKey.verifier(WITNESS.name(), NoteKey.NOTE, witness.publicKey())
                        .signed(cosigned))
                .isFalse();
    }

    @Test
    void malformedNotesAndKeysAreRefusedWithAReason() {
        assertThatThrownBy(() -> SignedNote.parse("no blank line\n")).hasMessageContaining("blank line");
        assertThatThrownBy(() -> SignedNote.parse("a\n\nnot a signature\n")).hasMessageContaining("em dash");
        assertThatThrownBy(() -> SignedNote.parse("a\n\n\u2014 name !!!\n")).hasMessageContaining("base64");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n-1\nAAAA\n")).hasMessageContaining("decimal");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n1\n")).hasMessageContaining("root hash");
        assertThatThrownBy(() -> NoteKey.parseVkey("name+00000000+AQ==")).hasMessageContaining("32 key bytes");
        String vkey = LOG.vkey();
        String wrongId = vkey.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
        assertThatThrownBy(() -> NoteKey.parseVkey(wrongId)).hasMessageContaining("key id does not match");
    }
}
