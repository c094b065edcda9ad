/**
 * Chronicle's additions to the CAMEO 2.0 verb dictionary, in the same PETRARCH format. They
 * cover verbs and phrasings common in today's news that the 2015 dictionary lacks or codes
 * too coarsely; every entry is general English, none is written for a particular article.
 * Supplement entries are consulted before the CAMEO ones for the same verb.
 */
export const SUPPLEMENT_VERBS = `
&TERRORLABEL_
+TERRORIST
+TERRORISTS
+TERROR
+EXTREMIST
+EXTREMISTS

&HOSTAGE2_
+HOSTAGE
+HOSTAGES
+CAPTIVE
+CAPTIVES
+PRISONER
+PRISONERS

--- CLASSIFY [---] ---
CLASSIFY {CLASSIFIES CLASSIFIED CLASSIFYING}
DESIGNATE
LABEL {LABELS LABELLING LABELLED LABELING LABELED}
BLACKLIST
LIST
CONSIDER
- * (AS &TERRORLABEL) [112]
- * (AS {&TERRORLABEL ORGANIZATION}) [112]
- * (AS {&TERRORLABEL ORGANISATION}) [112]
- * (AS {&TERRORLABEL GROUP}) [112]
- * &TERRORLABEL [112]

&PUBLICATION_
+VIDEO
+VIDEOS
+FOOTAGE
+AUDIO
+TAPE
+RECORDING
+IMAGE
+IMAGES
+PHOTO
+PHOTOS
+PHOTOGRAPH
+PHOTOGRAPHS
+PICTURES
+FILM
+DOCUMENTARY
+ALBUM
+SINGLE
+BOOK
+MEMOIR
+TRAILER
+LIST
+FIGURES
+DATA
+DETAILS
+RESULTS
+FINDINGS
+TRANSCRIPT
+COMMUNIQUE
+MESSAGE
+LETTER
+REPORT
+SURVEY
+STUDY

--- RELEASE2 [084] ---
FREE {FREES FREEING FREED} [084]
LIBERATE [084]
RELEASE [084]
RESCUE [084]
+HAND_OVER {+HANDS_OVER +HANDED_OVER +HANDING_OVER} [084]
- * &HOSTAGE2 [0841]
- * &PUBLICATION [---]

--- HOLD2 [---] ---
HOLD {HOLDS HOLDING HELD}
- * &HOSTAGE2 [181]
- * (IN CAPTIVITY) [181]
- * CAPTIVE [181]
- * PRISON [173]
- * JAIL [173]
- * DETENTION [173]
- * CUSTODY [173]
- * INCOMMUNICADO [173]

--- KIDNAP2 [181] ---
ABDUCT [181]
KIDNAP {KIDNAPS KIDNAPPED KIDNAPPING KIDNAPED KIDNAPING} [181]
HIJACK [181]
SEIZE [---]
- * &HOSTAGE2 [181]

--- KILL2 [1823] ---
KILL [1823]
MURDER [1823]
SLAY {SLAYS SLAIN SLAYING SLEW} [1823]
EXECUTE [1823]
BEHEAD [1823]
LYNCH [1823]
ASSASSINATE [186]
STAB {STABS STABBED STABBING} [182]
SHOOT {SHOOTS SHOOTING SHOT} [190]
- * (TO DEATH) [1823]

--- MEET2 [040] ---
+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH} [040]
MEET {MEETS MET MEETING} [040]
+SPEAK_WITH {+SPOKE_WITH +SPEAKS_WITH +SPEAKING_WITH +SPOKEN_WITH} [040]
+TALK_WITH {+TALKED_WITH +TALKS_WITH +TALKING_WITH} [040]

--- RAISE2 [---] ---
RAISE
VOICE
EXPRESS
- * CONCERN [110]
- * CONCERNS [110]
- * ALARM [110]
- * OBJECTIONS [110]

--- MEDIATE2 [045] ---
MEDIATE [045]
BROKER [045]

--- NEGOTIATE2 [046] ---
NEGOTIATE [046]

--- REMAIN2 [---] ---
REMAIN
STAY
- * (IN CUSTODY) [---]
- * (IN CAPTIVITY) [---]
- * (IN DETENTION) [---]
- * (IN PRISON) [---]
- * (IN JAIL) [---]
- * (UNDER ARREST) [---]
- * (UNDER HOUSE ARREST) [---]
- * (BEHIND BARS) [---]
- * HELD [---]
- * DETAINED [---]
- * JAILED [---]
- * MISSING [---]

--- URGE2 [020] ---
URGE {URGES URGED URGING} [020]
IMPLORE [020]
EXHORT [020]

--- THANK2 [051] ---
THANK [051]
PRAISE [051]
COMMEND [051]
APPLAUD [051]
HAIL [051]
`;

/**
 * PLOVER modes the 2021 CAMEO→PLOVER table leaves empty but the verb itself makes plain
 * (the manual's ASSAULT modes, plus `kill` for killings, which the seed facts and users ask for).
 */
export const LEMMA_MODES: Record<string, Record<string, string>> = {
  ASSAULT: {
    kill: 'kill', murder: 'kill', slay: 'kill', execute: 'kill', behead: 'kill', lynch: 'kill', massacre: 'kill',
    assassinate: 'targeted', assassination: 'targeted',
    shoot: 'firearms', gun: 'firearms', shooting: 'firearms',
    bomb: 'explosives', bombing: 'explosives',
    stab: 'primitive', stabbing: 'primitive',
    beat: 'beat', beating: 'beat',
    torture: 'torture', rape: 'sexual',
    kidnap: 'abduct', abduct: 'abduct', hijack: 'abduct', kidnapping: 'abduct', abduction: 'abduct',
    killing: 'kill', murder_n: 'kill',
  },
};
