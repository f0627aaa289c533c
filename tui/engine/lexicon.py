"""Word lists the attribution rules share: speech verbs, titles, honorifics, pronouns, given names.

General English knowledge only: nothing here names a particular article or person.
"""

from __future__ import annotations

# Speech and statement verbs, base form.  Inflections are generated below.
SPEECH_BASES = """
say tell add stress note argue ask write tweet insist warn reply cry exclaim explain
claim state declare announce admit acknowledge assert contend concede complain comment
continue conclude confirm deny suggest observe remark repeat respond retort recall
remember report reveal shout whisper mutter murmur yell scream call joke laugh sigh
answer agree boast brag charge counter caution predict promise pledge vow urge
quip tease plead beg demand inquire enquire wonder write post testify testify
describe add emphasize emphasise point proclaim recount relate mention opine
interject interrupt begin cut sneer snap grumble groan growl gasp stammer stutter
cheer chuckle smile sob lament protest object rejoin return resume whimper muse
posit propose recommend acknowledge allege accuse blast slam criticize criticise
praise thank apologize apologise welcome tout hail dismiss mock ridicule scoff
echo elaborate assure reassure advise inform notify remind concur think react
beam gush enthuse marvel
wail moan snarl shriek hiss bellow roar mumble giggle interpose query ejaculate thunder bawl howl
squeak drawl lisp blurt grunt breathe venture persist pursue
correct falter assent hazard remonstrate entreat mourn acquiesce implore quaver command reason
speculate confess confide reiterate contradict affirm quote chatter splutter sputter enunciate sniff
submit expostulate volunteer prompt counsel chide scold taunt jeer snort coax question offer
""".split()

_IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "writing", "written"], "begin": ["began", "begins", "beginning", "begun"],
    "cut": ["cut", "cuts", "cutting"], "cry": ["cried", "cries", "crying"],
    "reply": ["replied", "replies", "replying"], "testify": ["testified", "testifies", "testifying"],
    "speak": ["spoke", "speaks", "speaking", "spoken"], "think": ["thought", "thinks"], "go": ["went on", "goes on", "going on"],
    "put": ["put it", "puts it"], "shoot": ["shot back", "shoots back"], "fire": ["fired back", "fires back"], "sob": ["sobbed", "sobs"], "snap": ["snapped", "snaps"],
    "quip": ["quipped", "quips"], "plead": ["pleaded", "pleads", "pled"], "chuckle": ["chuckled"],
    "stammer": ["stammered"], "stutter": ["stuttered"], "mutter": ["muttered", "mutters"],
    "murmur": ["murmured", "murmurs"], "whimper": ["whimpered"], "opine": ["opined", "opines"],
    "blast": ["blasted", "blasts"], "slam": ["slammed", "slams"], "apologize": ["apologized", "apologizes"],
    # a final consonant doubled: "admitted", "begged"
    "admit": ["admitted", "admits", "admitting"], "beg": ["begged", "begs", "begging"],
    "brag": ["bragged", "brags", "bragging"], "concur": ["concurred", "concurs", "concurring"],
    "submit": ["submitted", "submits", "submitting"],
    "marvel": ["marvelled", "marveled", "marvels", "marvelling", "marveling"],
}


def _inflect(base: str) -> list[str]:
    if base in _IRREGULAR:
        return [base] + _IRREGULAR[base]
    forms = [base]
    if base.endswith("e"):
        forms += [base + "d", base + "s", base[:-1] + "ing"]
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms += [base[:-1] + "ied", base[:-1] + "ies", base + "ing"]
    elif base.endswith(("sh", "ch", "ss", "x")):
        forms += [base + "ed", base + "es", base + "ing"]
    else:
        forms += [base + "ed", base + "s", base + "ing"]
    return forms


SPEECH_VERBS: frozenset[str] = frozenset(f for b in SPEECH_BASES for f in _inflect(b)) | frozenset(
    f for forms in _IRREGULAR.values() for f in forms
)
# Verbs that are speech only in some uses; accepted next to a quote, not for partial quotes.
WEAK_VERBS = frozenset({"call", "called", "calls", "calling", "describe", "described", "describes",
                        "continue", "continued", "continues", "return", "returned", "returns",
                        "cut", "smile", "smiled", "laugh", "laughed", "thank", "thanked", "welcome",
                        "welcomed", "hail", "hailed", "dismiss", "dismissed", "praise", "praised",
                        "remember", "remembered", "begin", "began", "point", "pointed", "post", "posted",
                        "begun", "beginning", "resume", "resumed", "echo", "echoed", "mock", "mocked",
                        "cheer", "cheered", "sigh", "sighed", "smiles", "laughs", "continuing",
                        "think", "thought", "thinks",
                        # a novel's "persisted Miss Quested", "ventured Anne", "breathed Margaret"
                        "pursue", "pursued", "pursues", "venture", "ventured", "ventures", "persist",
                        "persisted", "persists", "breathe", "breathed", "breathes", "thunder", "thundered",
                        "roar", "roared", "howl", "howled", "question", "questioned", "questions",
                        "offer", "offered", "offers", "submit", "submitted", "submits", "command",
                        "commanded", "commands", "reason", "reasoned", "reasons", "correct", "corrected",
                        "quote", "quoted", "quotes", "volunteer", "volunteered", "prompt", "prompted",
                        "sniff", "sniffed", "counsel", "counselled", "counseled"})

HONORIFICS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "sir": "m",
    "lady": "f", "lord": "m", "madam": "f", "madame": "f", "dr": None, "dr.": None, "prof.": None,
    "colonel": "m", "col.": "m", "captain": "m", "capt.": "m", "general": None, "gen.": None,
    # ranks a novel names people by ("Major Callendar", "Inspector Gregson"): not given names
    "major": None, "lieutenant": None, "sergeant": None, "corporal": None, "inspector": None,
    "constable": None, "commander": None, "doctor": None,
    "rev.": "m", "reverend": "m", "father": "m", "sister": "f", "brother": "m", "uncle": "m", "aunt": "f",
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "duke": "m", "duchess": "f",
    "rep.": None, "sen.": None, "gov.": None, "lt.": None, "sgt.": None, "mayor": None,
    "president": None, "senator": None, "governor": None, "secretary": None, "judge": None,
    "justice": None, "speaker": None, "chairman": "m", "chairwoman": "f", "representative": None,
    "vice": None, "gen": None, "adm.": None, "admiral": None, "ambassador": None, "minister": None,
    "premier": None, "chancellor": None, "pope": "m", "cardinal": "m", "bishop": None, "professor": None,
    "dean": None, "coach": None, "officer": None, "detective": None, "attorney": None, "sheriff": None,
    "chief": None, "commissioner": None, "councilman": "m", "councilwoman": "f", "congressman": "m",
    "congresswoman": "f", "assemblyman": "m", "assemblywoman": "f", "state": None, "gov": None,
    "sen": None, "rep": None, "deputy": None, "leader": None, "director": None,
    # the French, Italian and German forms English novels keep ("Madame Roux", "Herr Brandt")
    "monsieur": "m", "mademoiselle": "f", "mlle.": "f", "mme.": "f", "signor": "m", "signora": "f",
    "signorina": "f", "herr": "m", "frau": "f", "fraulein": "f", "fräulein": "f",
}

# Honorifics that belong to the name itself ("Mr. Ashby" and "Mrs. Ashby" are two people).
NAME_HONORIFICS = {"mr.", "mrs.", "ms.", "miss", "sir", "lady", "lord", "mr", "mrs", "ms", "dr.",
                   "colonel", "captain", "col.", "capt.", "major", "lieutenant", "sergeant", "corporal",
                   "inspector", "constable", "commander", "doctor", "madame", "madam", "monsieur", "mademoiselle",
                   "mlle.", "mme.", "signor", "signora", "signorina", "herr", "frau", "fraulein", "fräulein"}

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves", "we", "us"})
SUBJECT_PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "1", "we": "p", "it": "n"}

# Words that start a capitalised run but are not names.
NOT_NAMES = frozenset("""
the a an and but or if when while as at in on of for to by with from this that these those it its
he she they we i you his her their our my your who what where why how there here then so yet
said says mr mrs ms after before during since until although though because however meanwhile
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december today yesterday tomorrow tonight last next
yes no oh ah well now still also even just only not nor both all some many most more every each
one two three four five six seven eight nine ten first second third new former
till neither either whether upon unless perhaps indeed nothing nobody pray dear good poor oh
everybody everyone somebody someone anybody such whatever whoever besides thus hence therefore
nay ay aye alas hush come go let why do does did is are was were have has had will would shall
should can could might must my our thy thou sure very much poor let's though chapter
between among against toward towards upon within without beyond behind beside under over through
except near like unlike whenever wherever however whatever ladyship
once following according including regarding despite amid
again already sometimes whereas soon hitherto thereupon lest afterwards presently instead later often
never always whereupon otherwise moreover nevertheless nonetheless meantime accordingly thereafter
somehow anyway suddenly finally certainly ought which opposite
""".split())

# Nouns that make an unnamed speaker a group or a role ("officials", "a spokesman").
GROUP_NOUNS = frozenset("""
officials official spokesman spokeswoman spokesperson spokespeople aides aide sources source
campaign committee group groups administration department agency police officers analysts experts
economists critics supporters advocates protesters demonstrators organizers organisers residents
voters members lawmakers leaders democrats republicans statement report study survey poll memo letter
document website researchers scientists investigators prosecutors attorneys lawyers doctors
insiders staff staffers people observers activists parents students teachers workers executives
company companies firm government ministry office council board party network newspaper paper
union unions spokesmen representatives allies opponents rivals friends relatives family witnesses
authorities diplomats commentators pundits strategists advisers advisors adviser advisor
questioner narrator announcer reader readers viewer viewers caller fans crowd audience
""".split())

# Capitalised words that end an organisation's name ("the Eastgate Fire Department").
ORG_WORDS = frozenset("""
department agency committee campaign party office council board post times news journal network
institute center centre university college school foundation fund association union commission
bureau service services house senate congress court administration ministry company corporation
inc corp group press tribune herald gazette daily review magazine channel tv radio coalition
alliance organization organisation caucus club league society bank council forum project index
watch report beast hill yorker review police army navy cia fbi nasa
energy inc llc airlines motors industries partners capital holdings media networks systems
technologies charter act constitution treaty amendment agreement bill law plan program
""".split())

FEMALE_NAMES = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty
sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca
laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
alexis kayla chelsea jane lydia kitty lizzy eliza caroline louisa harriet fanny
anne jill nikki sally loretta nancy michele hope donna
elena sonia ruth dianne gwen maxine barbara janet susana lucy jenny ella eleanor
abby ada adele agnes aisha alexandra alicia alison allison alma amelia ana angelina anita annie
april ava barbara beatrice becky bella bernadette beth bethany bonnie bridget brooke camila candace
carla carmen carrie cassandra cecilia celia charlene chloe claire clara claudia colleen connie
constance cora courtney crystal daisy daphne dawn delia della dolores edith eileen elaine eleanor
elise ellen eloise elsa emilia erica erin esther ethel eva eve faith fatima felicity fiona florence
gabriela gabrielle genevieve geraldine gertrude gina ginger hazel heidi holly ida ines
ingrid irene iris isabel isabelle ivy jackie jade jasmine jeanne jenna jessie joanna jocelyn
josephine joy juanita june karin kate katie katrina kristen kristin leah leila lena leslie lily
lina lois lorraine louise lucia lucille luisa lynn mabel mae maggie mandy marcia margarita marianne
marina marion marjorie marlene martina maureen maxine maya meredith mia miriam molly monica monique
nadia naomi natasha nell nina nora norma olga paige paula pauline pearl penelope phyllis priscilla
rachael ramona regina renee rita roberta robin rosa rosemary roxanne ruby sabrina selena serena
sheila shelby simone sofia sonya stella sue susie sylvia tamara tanya tara tessa tina tracy ursula
valerie vanessa vera veronica vicky viola violet vivian wanda wendy whitney yasmin yolanda yvonne zoe
ada adelaide adele agatha agnes alicia amelia anastasia angelina annabel annie arabella augusta
aurora beatrice belinda bella bertha beth betsy bridget camilla candace cassandra cecilia cecily
celia clara clarissa claudia constance cora cordelia daisy delia dinah dora dorcas edith edna elinor
ellen eloise elsie emilia emmeline esther ethel eugenia eunice eva evangeline flora florence
frederica georgina gertrude gwendolen hattie hester honoria ida imogen irene isabel jemima jessie
josephine juliet katharine kate lavinia leah letitia lilian lily lizzie lottie lucinda mabel
madeline maggie marcia margery marguerite marianne marion matilda maud maude meg millicent minnie
miranda molly nell nellie nora octavia ophelia pauline penelope phoebe polly priscilla rhoda rosa
rosalind rosamond rosie selina sophie susanna susannah sybil tabitha theodora una ursula venetia
vera viola violet winifred
""".split())

MALE_NAMES = frozenset("""
james robert john michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean
austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan
juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny bill mike
 ted marco chris rudy tim rand ben vladimir hugh fred
ed tom jim bob dick al dan steve rick ron jon donald mitch harry barney leonard alan luis jorge
abdul abraham adrian ahmed alan alberto alejandro alex alfred ali alvin amir andre andres andy
angel antonio archie armando arnold barry benny bernard bert boris brad bradley brendan brett
calvin cameron carlos casey cecil cedric chad chester clarence claude clayton clifford clint clyde
colin conrad craig curtis dale dallas damian darius darren dean derek desmond dmitri dominic don
duane dwight earl eddie edgar edmund eduardo elliot emmanuel enrique ernest ernesto erik ernie
everett felix fernando floyd francis francisco franklin fred frederick gavin geoffrey gilbert glen
glenn gordon graham grant greg guillermo gus hamid hans hassan hector herbert herman howard hussein
ian igor isaac ivan jacques jaime jamal jared javier jay jeff jerome jimmy joel johan jorge jose
julian julio karl keith ken kurt lance lee leo leon leroy lester lewis lionel lloyd lucas luke
malcolm manuel marcus mario martin marvin max maurice melvin miguel milton mohamed mohammad
mohammed morris muhammad neil nelson nick nigel norman oliver omar oscar otto owen pablo pedro
perry phil pierre rafael ramon randall raul reginald rex ricardo richie rob robin rodney roland
rolando ronnie ross ruben rudolph rupert sam sanjay santiago sergei sergio seth sidney simon
stanley stuart sven ted theodore tony travis trevor troy tyrone victor vince wade wallace warren
wesley wilbur wilfred willard yusuf xavier
abel abraham adolphus alfred algernon ambrose amos angus archibald arnold augustus barnaby
bartholomew basil benedict bertram cecil cedric clarence claude clement cyril cuthbert duncan edgar
edmund edwin egbert elias ernest eustace ezra felix ferdinand francis frederick geoffrey gilbert
giles godfrey guy herbert hector horace hubert humphrey ignatius isaac jasper jeremiah jerome jonas
julian laurence leopold lionel luke malcolm matthias maurice miles nathaniel ned noel oliver orlando
oscar oswald owen percival percy quentin randolph reginald reuben rupert sebastian septimus silas
simon solomon theodore tobias tristram valentine victor wilfred
""".split())

TITLE_WORDS = frozenset("""
president presidential vice secretary senator sen. sen rep. rep representative governor gov. gov
mayor chairman chairwoman chair director chief spokesman spokeswoman minister leader nominee
candidate ambassador judge justice attorney general gen. adviser advisor aide manager ceo founder
editor professor prof. dr. economist analyst strategist speaker former state house senate
democratic republican congressman congresswoman lt. col. sgt. adm. commissioner deputy acting
critic author writer lawyer doctor historian reporter engineer activist pastor host anchor columnist
commentator coach actor actress singer officer treasurer secretary-general pollster producer
moderator interviewer correspondent
""".split())

# News: verbs that put words in someone's mouth like "called" ("likened the levy to “…”",
# "branded it “…”"), weak like "called": a cue only next to the quotation.
_CALL_BASES = "liken brand dub label term characterize characterise decry denounce condemn deride".split()
_CALL_FORMS = frozenset(f for b in _CALL_BASES for f in _inflect(b)) - {"dubed", "dubing"} | {"dubbed", "dubbing"}
SPEECH_VERBS = SPEECH_VERBS | _CALL_FORMS
WEAK_VERBS = WEAK_VERBS | _CALL_FORMS
SPEECH_BASES = SPEECH_BASES + _CALL_BASES

# Things that speak for someone in news: a ruling, a complaint, an ad, a court.
GROUP_NOUNS = GROUP_NOUNS | frozenset("""ruling complaint lawsuit filing editorial article piece book
memoir ad advertisement clip video commission court panel transcript bylaws guidelines charter""".split())

# Common English pet names and the given names they shorten ("Peggy" is a Margaret).
DIMINUTIVES: dict[str, tuple[str, ...]] = {
    "lizzy": ("elizabeth",), "lizzie": ("elizabeth",), "liz": ("elizabeth",), "eliza": ("elizabeth",),
    "beth": ("elizabeth",), "betsy": ("elizabeth",), "betty": ("elizabeth",), "bess": ("elizabeth",),
    "libby": ("elizabeth",), "kate": ("catherine", "katherine"), "katie": ("catherine", "katherine"),
    "kitty": ("catherine", "katherine"), "kathy": ("catherine", "katherine"), "jenny": ("jane", "jennifer"),
    "polly": ("mary",), "molly": ("mary",), "mamie": ("mary",), "peggy": ("margaret",), "meg": ("margaret",),
    "maggie": ("margaret",), "sally": ("sarah",), "fanny": ("frances",), "nelly": ("helen", "ellen", "eleanor"),
    "nell": ("helen", "ellen", "eleanor"), "patty": ("martha", "patricia"), "patsy": ("martha", "patricia"),
    "sukey": ("susan", "susannah"), "sue": ("susan",), "annie": ("anne", "ann", "anna"), "nan": ("anne", "ann"),
    "nancy": ("anne", "ann"), "bill": ("william",), "billy": ("william",), "will": ("william",),
    "willy": ("william",), "bob": ("robert",), "bobby": ("robert",), "rob": ("robert",), "robin": ("robert",),
    "dick": ("richard",), "tom": ("thomas",), "tommy": ("thomas",), "jim": ("james",), "jimmy": ("james",),
    "jamie": ("james",), "jack": ("john",), "johnny": ("john",), "ned": ("edward", "edmund"),
    "ted": ("edward", "theodore"), "teddy": ("edward", "theodore"), "harry": ("henry",), "hal": ("henry",),
    "charlie": ("charles",), "fred": ("frederick",), "freddy": ("frederick",), "sam": ("samuel",),
    "dan": ("daniel",), "danny": ("daniel",), "joe": ("joseph",), "nick": ("nicholas",), "tony": ("anthony",),
    "andy": ("andrew",), "mike": ("michael",), "ben": ("benjamin",), "georgie": ("georgiana", "george"),
    "sophy": ("sophia",), "louie": ("louis", "louisa"), "dolly": ("dorothy",), "dora": ("dorothy",),
}
