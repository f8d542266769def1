package search_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// The synthetic corpus: credentials from a few hundred issuers in five
// languages, with outcomes, skills and the other elements in the
// proportions real wallets show (many without ECTS or EQF, a few without a
// title or a date). Generated from a fixed seed, so every run sees the same
// credentials.

var langs = []string{"en", "de", "fr", "el", "pl"}

// subjects hold one topic per row, in the order of langs.
var subjects = [][]string{
	{"Data Science", "Datenwissenschaft", "Science des données", "Επιστήμη Δεδομένων", "Nauka o danych"},
	{"Business Informatics", "Wirtschaftsinformatik", "Informatique de gestion", "Διοικητική Πληροφορική", "Informatyka w biznesie"},
	{"Machine Learning", "Maschinelles Lernen", "Apprentissage automatique", "Μηχανική Μάθηση", "Uczenie maszynowe"},
	{"Cybersecurity", "Cybersicherheit", "Cybersécurité", "Κυβερνοασφάλεια", "Cyberbezpieczeństwo"},
	{"Project Management", "Projektmanagement", "Gestion de projet", "Διαχείριση Έργων", "Zarządzanie projektami"},
	{"Renewable Energy", "Erneuerbare Energien", "Énergies renouvelables", "Ανανεώσιμες Πηγές Ενέργειας", "Odnawialne źródła energii"},
	{"Web Development", "Webentwicklung", "Développement web", "Ανάπτυξη Ιστοσελίδων", "Tworzenie stron internetowych"},
	{"Cloud Computing", "Cloud-Computing", "Informatique en nuage", "Υπολογιστικό Νέφος", "Przetwarzanie w chmurze"},
	{"Digital Marketing", "Digitales Marketing", "Marketing numérique", "Ψηφιακό Μάρκετινγκ", "Marketing cyfrowy"},
	{"Academic Writing", "Wissenschaftliches Schreiben", "Rédaction scientifique", "Ακαδημαϊκή Γραφή", "Pisanie akademickie"},
	{"Statistics", "Statistik", "Statistique", "Στατιστική", "Statystyka"},
	{"Sustainable Agriculture", "Nachhaltige Landwirtschaft", "Agriculture durable", "Βιώσιμη Γεωργία", "Rolnictwo zrównoważone"},
	{"Nursing Care", "Krankenpflege", "Soins infirmiers", "Νοσηλευτική Φροντίδα", "Opieka pielęgniarska"},
	{"Software Engineering", "Softwaretechnik", "Génie logiciel", "Τεχνολογία Λογισμικού", "Inżynieria oprogramowania"},
	{"Public Speaking", "Öffentliches Reden", "Prise de parole en public", "Δημόσια Ομιλία", "Wystąpienia publiczne"},
	{"Intercultural Communication", "Interkulturelle Kommunikation", "Communication interculturelle", "Διαπολιτισμική Επικοινωνία", "Komunikacja międzykulturowa"},
	{"Accounting", "Buchhaltung", "Comptabilité", "Λογιστική", "Rachunkowość"},
	{"Robotics", "Robotik", "Robotique", "Ρομποτική", "Robotyka"},
	{"Computer Science Fundamentals", "Grundlagen der Informatik", "Fondements de l'informatique", "Θεμέλια της Πληροφορικής", "Podstawy informatyki"},
	{"Quantum Computing", "Quantencomputing", "Informatique quantique", "Κβαντική Υπολογιστική", "Obliczenia kwantowe"},
	{"Urban Mobility", "Städtische Mobilität", "Mobilité urbaine", "Αστική Κινητικότητα", "Mobilność miejska"},
	{"Food Safety", "Lebensmittelsicherheit", "Sécurité alimentaire", "Ασφάλεια Τροφίμων", "Bezpieczeństwo żywności"},
}

// levels prefix a subject, in the order of langs.
var levels = [][]string{
	{"Introduction to", "Einführung in", "Introduction à", "Εισαγωγή στην", "Wprowadzenie do"},
	{"Advanced", "Fortgeschrittene", "Avancé :", "Προχωρημένη", "Zaawansowane"},
	{"Applied", "Angewandte", "Appliquée :", "Εφαρμοσμένη", "Stosowane"},
	{"", "", "", "", ""},
}

var verbs = [][2]string{
	{"analyse", "analysieren"},
	{"design", "entwerfen"},
	{"implement", "implementieren"},
	{"evaluate", "bewerten"},
	{"manage", "verwalten"},
	{"document", "dokumentieren"},
	{"present", "präsentieren"},
	{"test", "testen"},
	{"model", "modellieren"},
	{"secure", "absichern"},
}

var objects = [][2]string{
	{"data pipelines", "Datenpipelines"},
	{"network protocols", "Netzwerkprotokolle"},
	{"energy systems", "Energiesysteme"},
	{"user interfaces", "Benutzeroberflächen"},
	{"clinical workflows", "klinische Arbeitsabläufe"},
	{"financial statements", "Jahresabschlüsse"},
	{"machine learning models", "Modelle des maschinellen Lernens"},
	{"supply chains", "Lieferketten"},
	{"research findings", "Forschungsergebnisse"},
	{"cloud infrastructure", "Cloud-Infrastruktur"},
	{"database schemas", "Datenbankschemata"},
	{"marketing campaigns", "Marketingkampagnen"},
}

// filler words give descriptions a realistic vocabulary, per language.
var filler = [][]string{
	strings.Fields("the course covers methods tools practice theory students learn apply critical thinking teamwork case studies real world projects assessment portfolio lab sessions lectures seminars ethics regulation quality standards industry partners fieldwork reflection"),
	strings.Fields("der Kurs vermittelt Methoden Werkzeuge Praxis Theorie Studierende lernen anwenden kritisches Denken Teamarbeit Fallstudien Projekte Prüfung Labor Vorlesungen Seminare Ethik Datenbankmanagementsystem Softwareentwicklungsprozess Qualitätssicherung Straßenbau Maßnahmen"),
	strings.Fields("le cours présente méthodes outils pratique théorie étudiants apprennent appliquer pensée critique travail d'équipe études de cas projets évaluation laboratoire séminaires éthique qualité œuvre cœur"),
	strings.Fields("το μάθημα καλύπτει μεθόδους εργαλεία πρακτική θεωρία φοιτητές μαθαίνουν εφαρμόζουν κριτική σκέψη ομαδική εργασία μελέτες περιπτώσεων έργα αξιολόγηση εργαστήριο"),
	strings.Fields("kurs obejmuje metody narzędzia praktykę teorię studenci uczą się stosować krytyczne myślenie pracę zespołową studia przypadków projekty ocenę laboratorium łączność źródło"),
}

var towns = []string{"Köln", "Graz", "Łódź", "Kraków", "Gdańsk", "Wien", "Zürich", "Lyon", "Liège", "Θεσσαλονίκη", "Πάτρα", "Aarhus", "København", "Tromsø", "Sevilla", "Porto", "Dublin", "Tartu", "Split", "Brno"}

var kinds = [][2]string{
	{"Volkshochschule", "Adult Education Centre"},
	{"Hochschule", "University of Applied Sciences"},
	{"Politechnika", "University of Technology"},
	{"Université", "University"},
	{"Πανεπιστήμιο", "University"},
	{"Akademie", "Academy"},
	{"Institut", "Institute"},
	{"Szkoła Wyższa", "Higher School"},
}

var countries = [][2]string{
	{"Deutschland", "Germany"},
	{"Österreich", "Austria"},
	{"Polska", "Poland"},
	{"France", "France"},
	{"Ελλάδα", "Greece"},
	{"Danmark", "Denmark"},
	{"Norge", "Norway"},
	{"España", "Spain"},
}

var (
	firstNames = []string{"Łukasz", "Zoë", "Γιώργος", "Анна", "Jürgen", "Amélie", "Søren", "Małgorzata", "Fatima", "Oisín", "Chloé", "Δήμητρα"}
	lastNames  = []string{"Żółkowski", "Müller", "Παπαδόπουλος", "Иванова", "Ó Briain", "Dubois", "Kowalczyk", "Nørgaard", "Straße", "García"}
)

var tagPool = []string{"work", "CV", "cv", "Job application", "études", "Etudes", "Weiterbildung", "ai", "Favourite", "Πληροφορική", "ŁÓDŹ", "stack-2025"}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func ptr(f float64) *float64 { return &f }

// parties returns n issuers, a few known by name only or by id only.
func parties(r *rand.Rand, n int) []credential.Party {
	out := make([]credential.Party, n)
	for i := range out {
		k, town, ctry := pick(r, kinds), pick(r, towns), pick(r, countries)
		p := credential.Party{ID: fmt.Sprintf("did:web:issuer%03d.example", i)}
		switch r.IntN(20) {
		case 0: // no id
			p.ID = ""
			p.Name.Set("", k[0]+" "+town)
		case 1: // no name
		default:
			p.Name.Set(pick(r, langs[1:]), k[0]+" "+town)
			p.Name.Set("en", k[1]+" of "+town)
			p.Country.Set("", ctry[0])
			p.Country.Set("en", ctry[1])
		}
		out[i] = p
	}
	return out
}

// corpus returns n synthetic credentials with their collections.
func corpus(n int, seed uint64) []search.Doc {
	r := rand.New(rand.NewPCG(seed, 0x5a7c4e1))
	issuers := parties(r, max(n/30, 10))
	base := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]search.Doc, n)
	for i := range docs {
		c := &credential.Credential{
			ID:      fmt.Sprintf("urn:satchel:%016x", r.Uint64()),
			Format:  pick(r, credential.Formats()),
			Profile: pick(r, []string{"Open Badges 3.0 (VC 2.0)", "European Digital Credential (ELM 3)", "Open Badges 2.0", ""}),
			Issuer:  pick(r, issuers),
		}
		subj, lvl := r.IntN(len(subjects)), r.IntN(len(levels))
		if r.IntN(50) != 0 { // a few have no title
			for _, li := range r.Perm(len(langs))[:1+r.IntN(3)] {
				c.Title.Set(langs[li], strings.TrimSpace(levels[lvl][li]+" "+subjects[subj][li]))
			}
		}
		for _, li := range r.Perm(len(langs))[:1+r.IntN(2)] {
			c.Description.Set(langs[li], sentence(r, li, 12+r.IntN(25))+" "+subjects[subj][li]+fmt.Sprintf(" (%s-%d).", pick(r, []string{"INF", "BWL", "CS", "ΠΛΗ", "ŁDZ"}), 100+r.IntN(900)))
		}
		if r.IntN(5) == 0 {
			a := pick(r, issuers)
			c.AwardingBody = &a
		}
		c.Learner.Name.Set("", pick(r, firstNames)+" "+pick(r, lastNames))
		for range r.IntN(6) {
			c.LearningOutcomes = append(c.LearningOutcomes, outcome(r))
		}
		c.ECTS, c.EQF = workload(r)
		if r.IntN(10) == 0 {
			c.NQF = &credential.Concept{Label: credential.Plain(fmt.Sprintf("Level %d", 1+r.IntN(8)))}
		}
		texts(r, c)
		dates(r, c, base)
		for range r.IntN(4) {
			c.Tags = append(c.Tags, pick(r, tagPool))
		}
		c.Verification.Verdict = pick(r, []credential.Verdict{credential.Verified, credential.Verified, credential.Verified, credential.NotVerified, credential.Rejected})
		var cols []string
		for range r.IntN(3) {
			cols = append(cols, fmt.Sprintf("col-%d", r.IntN(6)))
		}
		docs[i] = search.Doc{Credential: c, Collections: cols}
	}
	return docs
}

// sentence returns words of lang: mostly common ones, and one in five from
// a long tail of rarer words, as course descriptions have.
func sentence(r *rand.Rand, lang, words int) string {
	w := make([]string, words)
	for i := range w {
		if r.IntN(5) == 0 {
			w[i] = rareWord(lang, zipf(r))
		} else {
			w[i] = pick(r, filler[lang])
		}
	}
	return strings.Join(w, " ")
}

// syllables make up the rare words of each language, so that the
// vocabulary has the tens of thousands of words real descriptions bring.
var syllables = [][]string{
	strings.Fields("ab ex in con pro ter ment ly ver sion al ic ure ish ow ight"),
	strings.Fields("ver ge be ung keit schaft lich ä ö ü ß tz ch en er st"),
	strings.Fields("é è ç tion ment eau oi que re de con ier eur ais ou an"),
	strings.Fields("πα ρα κα το μα νι σι κό λή τι ος ση ερ γα δι ού"),
	strings.Fields("ą ę ł ś ż ź ć ń prze wy za ski cja nie ow rz cz"),
}

const rareWords = 12000

// rareWord returns the i-th rare word of lang: four syllables picked by
// the digits of a permutation of i, so that different i give different
// words.
func rareWord(lang, i int) string {
	syl := syllables[lang]
	d := (i * 40503) % 65536 // odd multiplier: a permutation of 0..65535
	var b strings.Builder
	for range 4 {
		b.WriteString(syl[d%16])
		d /= 16
	}
	return b.String()
}

func zipf(r *rand.Rand) int {
	return int(rand.NewZipf(r, 1.05, 4, rareWords-1).Uint64())
}

func outcome(r *rand.Rand) credential.Outcome {
	v, o := r.IntN(len(verbs)), r.IntN(len(objects))
	var out credential.Outcome
	out.Title.Set("en", verbs[v][0]+" "+objects[o][0])
	if r.IntN(2) == 0 {
		out.Title.Set("de", objects[o][1]+" "+verbs[v][1])
	}
	out.Description.Set("en", "The learner can "+verbs[v][0]+" "+objects[o][0]+" "+sentence(r, 0, 8))
	for range r.IntN(3) {
		sv, so := r.IntN(len(verbs)), r.IntN(len(objects))
		var label credential.Text
		label.Set("en", verbs[sv][0]+" "+objects[so][0])
		label.Set("de", objects[so][1]+" "+verbs[sv][1])
		out.Skills = append(out.Skills, credential.Concept{
			ID:    fmt.Sprintf("http://data.europa.eu/esco/skill/%04x%04x-esco", sv*7919, so*104729),
			Label: label,
		})
	}
	return out
}

func workload(r *rand.Rand) (*float64, int) {
	var ects *float64
	if r.IntN(7) != 0 {
		ects = ptr(pick(r, []float64{1, 2, 2.5, 3, 4, 5, 6, 7.5, 10, 15, 20, 30}))
	}
	return ects, pick(r, []int{0, 0, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 1, 2})
}

func texts(r *rand.Rand, c *credential.Credential) {
	c.Grade = pick(r, []credential.Text{nil, credential.Plain("A"), credential.Plain("1,3"), credential.TextOf("fr", "très bien"), credential.TextOf("de", "Bestanden", "en", "Passed")})
	c.Assessment = pick(r, []credential.Text{nil, credential.TextOf("en", "written exam", "de", "schriftliche Prüfung"), credential.TextOf("en", "project work"), credential.TextOf("pl", "egzamin ustny")})
	c.Participation = pick(r, []credential.Text{nil, credential.Plain("online"), credential.TextOf("en", "blended"), credential.TextOf("de", "Präsenz", "en", "on-site")})
	c.QualityAssurance = pick(r, []credential.Text{nil, credential.TextOf("en", "ISO 9001 certified provider"), credential.TextOf("de", "Akkreditiert durch die AQAS")})
	c.Prerequisites = pick(r, []credential.Text{nil, nil, credential.TextOf("en", "basic mathematics")})
	c.Supervision = pick(r, []credential.Text{nil, nil, credential.TextOf("en", "proctored online, identity checked")})
	c.Stackability = pick(r, []credential.Text{nil, nil, credential.TextOf("en", "can be stacked towards the MSc Data Science"), credential.TextOf("fr", "intégrable au Master Informatique")})
	c.FurtherInformation = pick(r, []credential.Text{nil, nil, nil, credential.TextOf("en", "see the course catalogue")})
	if r.IntN(3) == 0 {
		c.FieldOfStudy = []credential.Concept{pick(r, []credential.Concept{
			{Code: "0613", Label: credential.TextOf("en", "Software and applications development and analysis")},
			{Code: "0411", Label: credential.TextOf("en", "Accounting and taxation", "de", "Rechnungswesen und Steuern")},
			{Code: "0913", Label: credential.TextOf("en", "Nursing and midwifery")},
		})}
	}
	if r.IntN(6) == 0 {
		c.PartOf = []credential.Concept{{Label: credential.TextOf("en", "Microcredential Programme in Digital Skills")}}
	}
	if r.IntN(8) == 0 {
		c.Alignments = []credential.Concept{{Label: credential.TextOf("en", "DigComp 2.2 competence area 3")}}
	}
	if r.IntN(12) == 0 {
		c.Accreditation = []credential.Concept{{Label: credential.TextOf("de", "Systemakkreditierung")}}
	}
}

func dates(r *rand.Rand, c *credential.Credential, base time.Time) {
	if r.IntN(30) != 0 {
		c.Issued = base.Add(time.Duration(r.Int64N(14*365*24)) * time.Hour).Add(time.Duration(r.IntN(3600)) * time.Second)
	}
	if r.IntN(40) != 0 {
		c.Added = base.Add(time.Duration(12*365*24+r.Int64N(3*365*24)) * time.Hour)
	}
	if !c.Issued.IsZero() && r.IntN(3) == 0 {
		c.ValidUntil = c.Issued.AddDate(1+r.IntN(5), 0, 0)
	}
}
