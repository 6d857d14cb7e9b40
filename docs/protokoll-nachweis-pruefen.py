#!/usr/bin/env python3
"""Checks a proof of the E-Akte audit log with the Python standard library only.

Input (file or stdin): the JSON answer of GET /api/v1/protokoll/ereignisse/{sequenz}/nachweis (an
inclusion proof) or of GET /api/v1/protokoll/checkpoints/konsistenz (a consistency proof).
Checks of an inclusion proof, independently of the E-Akte code:
  1. the leaf hash is SHA-256(0x00 || blattDaten as UTF-8)                        (RFC 6962, 2.1)
  2. the path leads from that leaf at index blattIndex to the root of a tree of
     size baumGroesse, interior nodes SHA-256(0x01 || left || right)             (RFC 9162, 2.1.3.2)
  3. the checkpoint is a C2SP tlog-checkpoint whose size and root are exactly these
  4. its signature line names the key of `pruefschluessel` (signed-note key ID) and
     the Ed25519 signature over the checkpoint text verifies                     (RFC 8032, 5.1.7)
Checks of a consistency proof (optional second argument: the older checkpoint you kept, a file
with the signed note; else the answer's `vonCheckpoint`):
  1. the checkpoints are signed notes of the key of `pruefschluessel`, of one origin, stating
     exactly vonGroesse/vonWurzel and bisGroesse/bisWurzel (a kept checkpoint of that size with
     another root: the log forked)
  2. the path proves the older tree a prefix of the newer one                     (RFC 9162, 2.1.4.2)
Last line "KONSISTENZ GUELTIG" when every check holds.
It does not check that the verifier key is the agency's: compare `pruefschluessel` with the key you
obtained out of band (GET /protokoll/schluessel serves the same key as PEM).
Exit status 0 and the last line "NACHWEIS GUELTIG" when every check holds.
"""
import base64
import hashlib
import json
import sys

# --- Ed25519 verification, RFC 8032 section 5.1.7 (after its reference code, section 6) ---
P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    x = (a[1] - a[0]) * (b[1] - b[0]) % P
    y = (a[1] + a[0]) * (b[1] + b[0]) % P
    c = 2 * a[3] * b[3] * D % P
    d = 2 * a[2] * b[2] % P
    e, f, g, h = y - x, d - c, d + c, y + x
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _mul(s, a):
    q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, a)
        a = _add(a, a)
        s >>= 1
    return q


def _gleich(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _x(y, vorzeichen):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P)
    if x2 == 0:
        return None if vorzeichen else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != vorzeichen:
        x = P - x
    return x


def _punkt(s):
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    vorzeichen = y >> 255
    y &= (1 << 255) - 1
    x = _x(y, vorzeichen)
    return None if x is None else (x, y, 1, x * y % P)


_GY = 4 * pow(5, P - 2, P) % P
_GX = _x(_GY, 0)
G = (_GX, _GY, 1, _GX * _GY % P)


def ed25519_pruefen(schluessel, nachricht, signatur):
    if len(schluessel) != 32 or len(signatur) != 64:
        return False
    a = _punkt(schluessel)
    r = _punkt(signatur[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signatur[32:], "little")
    if s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(signatur[:32] + schluessel + nachricht).digest(), "little") % L
    return _gleich(_mul(s, G), _add(r, _mul(h, a)))


# --- RFC 6962 / 9162 ---
def blatt_hash(daten):
    return hashlib.sha256(b"\x00" + daten).digest()


def knoten_hash(links, rechts):
    return hashlib.sha256(b"\x01" + links + rechts).digest()


def wurzel_aus_pfad(index, groesse, blatt, pfad):
    if not 0 <= index < groesse:
        return None
    fn, sn, r = index, groesse - 1, blatt
    for p in pfad:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = knoten_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = knoten_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def konsistent(alt, neu, pfad, alt_wurzel, neu_wurzel):
    if not 0 <= alt <= neu:
        return False
    if alt == neu:
        return not pfad and alt_wurzel == neu_wurzel
    if alt == 0:
        return not pfad
    if not pfad:
        return False
    if alt & (alt - 1) == 0:
        pfad = [alt_wurzel] + pfad
    fn, sn = alt - 1, neu - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = pfad[0]
    for c in pfad[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = knoten_hash(c, fr)
            sr = knoten_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = knoten_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == alt_wurzel and sr == neu_wurzel


def pruefschluessel(vkey):
    """(name, key ID hex, raw key) of a signed-note verifier key, or None."""
    name, kennung, roh = vkey.split("+", 2)
    roh = base64.b64decode(roh)
    if roh[0] != 1 or len(roh) != 33:
        return None
    if hashlib.sha256(name.encode("utf-8") + b"\n" + roh).digest()[:4].hex() != kennung:
        return None
    return name, kennung, roh[1:]


def checkpoint_oeffnen(notiz, schluessel):
    """(origin, size, root) of a checkpoint whose signature line of the key verifies, or None."""
    name, kennung, roh = schluessel
    trenner = notiz.rfind("\n\n")
    if trenner < 0:
        return None
    text = notiz[: trenner + 1]
    zeilen = text.split("\n")
    if len(zeilen) < 4 or not zeilen[1].isdigit():
        return None
    for zeile in notiz[trenner + 2 :].split("\n"):
        teile = zeile.split(" ")
        if len(teile) != 3 or teile[0] != "\u2014" or teile[1] != name:
            continue
        sig = base64.b64decode(teile[2])
        if len(sig) == 68 and sig[:4].hex() == kennung and ed25519_pruefen(roh, text.encode("utf-8"), sig[4:]):
            return zeilen[0], int(zeilen[1]), base64.b64decode(zeilen[2])
    return None


def fehler(text):
    print("UNGUELTIG: " + text)
    return 1


def pruefe(n):
    blatt = blatt_hash(n["blattDaten"].encode("utf-8"))
    if blatt.hex() != n["blattHash"]:
        return fehler("der Blatt-Hash passt nicht zu den Blattdaten")
    print("blatt: ok " + blatt.hex())
    if n["blattIndex"] != n["sequenz"] - 1:
        return fehler("Blattindex und Sequenz passen nicht zusammen")
    wurzel = wurzel_aus_pfad(n["blattIndex"], n["baumGroesse"], blatt, [bytes.fromhex(p) for p in n["pfad"]])
    if wurzel is None or wurzel.hex() != n["wurzel"]:
        return fehler("der Pfad fuehrt nicht zur Wurzel")
    print("pfad: ok, Wurzel %s bei Groesse %d" % (wurzel.hex(), n["baumGroesse"]))

    schluessel = pruefschluessel(n["pruefschluessel"])
    if schluessel is None:
        return fehler("der Pruefschluessel ist kein Ed25519-Schluessel mit passender Schluessel-ID")
    cp = checkpoint_oeffnen(n["checkpoint"], schluessel)
    if cp is None:
        return fehler("keine gueltige Signatur des Pruefschluessels am Checkpoint")
    if cp[1] != n["baumGroesse"] or cp[2] != wurzel:
        return fehler("der Checkpoint bestaetigt eine andere Groesse oder Wurzel")
    print("checkpoint: ok, signiert von %s (%s), Herkunft %s" % (schluessel[0], schluessel[1], cp[0]))
    print("NACHWEIS GUELTIG")
    return 0


def pruefe_konsistenz(n, aufbewahrt=None):
    schluessel = pruefschluessel(n["pruefschluessel"])
    if schluessel is None:
        return fehler("der Pruefschluessel ist kein Ed25519-Schluessel mit passender Schluessel-ID")
    neu = checkpoint_oeffnen(n["bisCheckpoint"], schluessel)
    if neu is None:
        return fehler("keine gueltige Signatur des Pruefschluessels am neueren Checkpoint")
    if (neu[1], neu[2].hex()) != (n["bisGroesse"], n["bisWurzel"]):
        return fehler("der neuere Checkpoint bestaetigt eine andere Groesse oder Wurzel")
    print("checkpoint %d: ok, signiert von %s (%s), Herkunft %s" % (neu[1], schluessel[0], schluessel[1], neu[0]))
    # the older tree: the checkpoint the auditor kept, else the one in the answer
    for quelle, notiz in (("aufbewahrt", aufbewahrt), ("Antwort", n.get("vonCheckpoint"))):
        if notiz is None:
            continue
        alt = checkpoint_oeffnen(notiz, schluessel)
        if alt is None:
            return fehler("keine gueltige Signatur des Pruefschluessels am aelteren Checkpoint (%s)" % quelle)
        if alt[0] != neu[0]:
            return fehler("die Checkpoints haben verschiedene Herkunft")
        if (alt[1], alt[2].hex()) != (n["vonGroesse"], n["vonWurzel"]):
            return fehler("der aeltere Checkpoint (%s) bestaetigt eine andere Groesse oder Wurzel: der Baum hat sich verzweigt" % quelle)
        print("checkpoint %d: ok (%s), signiert von %s" % (alt[1], quelle, schluessel[0]))
        break
    else:
        print("checkpoint %d: keiner signiert; Wurzel %s mit dem aufbewahrten Checkpoint vergleichen" % (n["vonGroesse"], n["vonWurzel"]))
    alt_wurzel = bytes.fromhex(n["vonWurzel"])
    if not konsistent(n["vonGroesse"], neu[1], [bytes.fromhex(p) for p in n["pfad"]], alt_wurzel, neu[2]):
        return fehler("der Konsistenzpfad verbindet die Wurzeln nicht: der Baum bei %d ist kein Anfang des Baums bei %d" % (n["vonGroesse"], neu[1]))
    print("konsistenz: ok, der Baum bei %d ist Anfang des Baums bei %d" % (n["vonGroesse"], neu[1]))
    print("KONSISTENZ GUELTIG")
    return 0


if __name__ == "__main__":
    quelle = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    daten = json.load(quelle)
    if "vonGroesse" in daten:
        # optional: the older checkpoint (signed note) the auditor kept
        aufbewahrt = open(sys.argv[2], encoding="utf-8").read() if len(sys.argv) > 2 else None
        sys.exit(pruefe_konsistenz(daten, aufbewahrt))
    sys.exit(pruefe(daten))
