"""Vocabulary and sentence/note generators for the pdfbench corpus (en, de, es, fr).

All text here is written for this corpus (no copied prose).  Markup: *...* = italics.
"""
from __future__ import annotations

import random

NB = "\u00a0"  # becomes ~ in TeX

# ---------------------------------------------------------------------------
# shared pools
# ---------------------------------------------------------------------------
L = {}

L["en"] = dict(
    first=["Margaret", "Thomas", "Eleanor", "Samuel", "Harriet", "Jonathan", "Louisa", "Frederick", "Agnes",
           "Nathaniel", "Cecily", "Robert", "Imogen", "Walter", "Beatrice", "Lionel"],
    last=["Whitcombe", "Ashdown", "Pemberton", "Hollis", "Carrington", "Blackwood", "Thornbury", "Fairfax",
          "Goodridge", "Lockhart", "Marchbanks", "Ellison", "Radcliffe", "Stanhope", "Wetherby", "Ormsby"],
    place=["London", "Cambridge", "New York", "Chicago", "Oxford", "Boston", "Edinburgh", "Philadelphia"],
    publisher=["Oxford University Press", "Harvard University Press", "Routledge", "Norton", "Macmillan",
               "Yale University Press", "Penguin", "Clarendon Press"],
    journal=["Journal of Modern History", "Past and Present", "Economic History Review", "American Historical Review",
             "Law and History Review", "Historical Journal", "Journal of Social History"],
    title=["The Politics of Reconstruction", "Merchants and Magistrates in the Atlantic World",
           "Parish, Province and Parliament", "The Administration of Empire", "Credit, Commerce and Conscience",
           "Revolution and Restoration", "The Making of the Modern Constitution", "Famine and Relief in the North",
           "Courts, Counsel and the Common Law", "The Correspondence of the Northern Secretaries"],
    arttitle=["Grain Prices and Popular Protest", "The Origins of Municipal Reform", "Letters from the Frontier",
              "Property, Inheritance and the Widow", "Shipping Registers as Historical Evidence",
              "The Customs Service and Its Critics"],
    group=["merchants", "magistrates", "weavers", "commissioners", "parishioners", "shipowners", "clerks",
           "petitioners", "trustees", "landowners", "delegates", "surveyors"],
    noun=["administration", "correspondence", "settlement", "legislation", "assembly", "committee", "treasury",
          "harbour", "reconstruction", "petition", "tribunal", "inventory", "municipality", "charter",
          "negotiation", "boundary commission", "customs house", "jurisdiction"],
    adj=["provincial", "remarkable", "considerable", "unprecedented", "contemporary", "administrative",
         "ecclesiastical", "commercial", "controversial", "uncharacteristic", "parliamentary", "extraordinary"],
    verb=["reorganised", "examined", "reconsidered", "abolished", "extended", "documented", "challenged",
          "transformed", "postponed", "financed", "investigated", "consolidated"],
    months=["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"],
    numw=["two", "three", "four", "five", "six", "seven", "eight", "eleven", "twelve"],
    heads=["Introduction", "Sources and Method", "The Early Years", "Reform and Resistance", "Courts and Councils",
           "The Question of Credit", "Conclusion", "Aftermath", "Evidence from the Registers", "A Note on Sources"],
    chapter="Chapter", ibid=["Ibid.", "Ibid., {p}.", "Ibid., {p}–{p2}."], see="See", seealso="see also",
    cf="cf.", page="", pages="",
)
L["de"] = dict(
    first=["Hans", "Gertrud", "Friedrich", "Ursula", "Wilhelm", "Margarete", "Joachim", "Elisabeth", "Konrad",
           "Dorothea", "Heinrich", "Sabine", "Matthias", "Renate", "Ludwig", "Annegret"],
    last=["Schröder", "Müller", "Hoffmann", "Weißenborn", "Kühn", "Brandenburg", "Lindemann", "Schäfer",
          "Großmann", "Vogt", "Eichhorn", "Falkenstein", "Pfeiffer", "Zimmermann", "Rückert", "Böhm"],
    place=["München", "Berlin", "Frankfurt am Main", "Göttingen", "Tübingen", "Stuttgart", "Köln", "Heidelberg"],
    publisher=["C. H. Beck", "Suhrkamp", "Mohr Siebeck", "Vandenhoeck & Ruprecht", "de Gruyter", "Böhlau",
               "Campus", "Nomos"],
    journal=["Historische Zeitschrift", "Geschichte und Gesellschaft", "Juristenzeitung",
             "Vierteljahrshefte für Zeitgeschichte", "Zeitschrift für Rechtsgeschichte", "Archiv für Sozialgeschichte"],
    title=["Verwaltung und Verfassung im Vormärz", "Die Entstehung des Rechtsstaats",
           "Stadtgemeinde und Landesherrschaft", "Handel, Kredit und Gewissen", "Die Reichsstädte im Wandel",
           "Gerichtsbarkeit und Öffentlichkeit", "Die Finanzverwaltung der Länder", "Kirche und Obrigkeit",
           "Eigentum und Erbfolge im bürgerlichen Recht", "Grundrechte in der Verfassungsgeschichte"],
    arttitle=["Getreidepreise und Protest", "Die Anfänge der Gemeindeordnung", "Briefe aus der Provinz",
              "Eigentum, Erbrecht und Witwenschaft", "Zollverwaltung und Kritik"],
    group=["Kaufleute", "Richter", "Weber", "Kommissare", "Gemeindemitglieder", "Reeder", "Schreiber",
           "Bittsteller", "Treuhänder", "Grundbesitzer", "Abgeordneten", "Landvermesser"],
    noun=["Verwaltungsreform", "Korrespondenz", "Siedlungspolitik", "Gesetzgebung", "Landesversammlung",
          "Kommission", "Staatskasse", "Hafenverwaltung", "Wiederaufbaupolitik", "Bittschrift",
          "Verwaltungsgerichtsbarkeit", "Bestandsaufnahme", "Gemeindeordnung", "Grundstücksverkehrsordnung",
          "Verhandlung", "Grenzkommission", "Zollbehörde", "Zuständigkeitsregelung"],
    adj=["bemerkenswerte", "erhebliche", "beispiellose", "zeitgenössische", "verwaltungstechnische",
         "kirchliche", "wirtschaftliche", "umstrittene", "parlamentarische", "außergewöhnliche", "landesherrliche"],
    verb=["reorganisiert", "untersucht", "überprüft", "abgeschafft", "erweitert", "dokumentiert", "angefochten",
          "umgestaltet", "verschoben", "finanziert", "zusammengefasst", "neu geordnet"],
    months=["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
            "November", "Dezember"],
    numw=["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "elf", "zwölf"],
    heads=["Einleitung", "Quellen und Methode", "Die frühen Jahre", "Reform und Widerstand", "Gerichte und Räte",
           "Die Kreditfrage", "Schluss", "Nachgeschichte", "Befunde aus den Registern", "Zur Quellenlage"],
    chapter="Kapitel", ibid=["Ebd.", "Ebd., S.{nb}{p}.", "Ebd., S.{nb}{p}–{p2}.", "Ebenda, S.{nb}{p} f."],
    see="Vgl.", seealso="siehe auch", cf="vgl. auch", page="S.", pages="S.",
)
L["es"] = dict(
    first=["María", "José", "Carmen", "Antonio", "Dolores", "Francisco", "Isabel", "Manuel", "Pilar", "Joaquín",
           "Mercedes", "Ramón", "Inés", "Álvaro", "Lucía", "Tomás"],
    last=["García", "Fernández", "López", "Martínez", "Sánchez", "Ortega", "Núñez", "Jiménez", "Castaño",
          "Ibáñez", "Muñoz", "Peñalosa", "Valdés", "Echeverría", "Cortázar", "Quiñones"],
    place=["Madrid", "Barcelona", "Sevilla", "Salamanca", "Valencia", "México", "Buenos Aires", "Granada"],
    publisher=["Alianza", "Crítica", "Siglo XXI", "Cátedra", "Marcial Pons", "Tecnos", "Akal",
               "Fondo de Cultura Económica"],
    journal=["Revista de Historia Económica", "Hispania", "Revista Española de Derecho Constitucional",
             "Historia Contemporánea", "Anuario de Historia del Derecho Español", "Ayer"],
    title=["La administración de las Indias", "Comercio y crédito en el siglo XVIII",
           "Municipio, provincia y Corona", "La reforma de la Hacienda", "Revolución y restauración",
           "La formación del Estado constitucional", "Hambre y caridad en Castilla",
           "Tribunales, letrados y derecho común", "La correspondencia de los virreyes",
           "Propiedad y herencia en el derecho civil"],
    arttitle=["Precios del trigo y motines", "Los orígenes de la reforma municipal", "Cartas desde la frontera",
              "Propiedad, herencia y viudedad", "Los registros portuarios como fuente"],
    group=["comerciantes", "magistrados", "tejedores", "comisarios", "feligreses", "armadores", "escribanos",
           "peticionarios", "administradores", "terratenientes", "diputados", "agrimensores"],
    noun=["administración", "correspondencia", "colonización", "legislación", "asamblea", "comisión",
          "tesorería", "aduana", "reconstrucción", "petición", "audiencia", "inventario", "municipalidad",
          "jurisdicción", "negociación", "contaduría", "desamortización", "intendencia"],
    adj=["notable", "considerable", "extraordinaria", "contemporánea", "administrativa", "eclesiástica",
         "comercial", "controvertida", "parlamentaria", "excepcional", "provincial"],
    verb=["reorganizó", "examinó", "reconsideró", "abolió", "amplió", "documentó", "impugnó", "transformó",
          "aplazó", "financió", "investigó", "consolidó"],
    months=["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre"],
    numw=["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "once", "doce"],
    heads=["Introducción", "Fuentes y método", "Los primeros años", "Reforma y resistencia",
           "Tribunales y concejos", "La cuestión del crédito", "Conclusión", "Epílogo", "Lo que dicen los registros"],
    chapter="Capítulo", ibid=["Ibíd.", "Ibíd., p.{nb}{p}.", "Ibídem, pp.{nb}{p}-{p2}.", "Ídem, p.{nb}{p}.", "Íd."],
    see="Véase", seealso="véase también", cf="cf.", page="p.", pages="pp.",
)
L["fr"] = dict(
    first=["Jean", "Marguerite", "Étienne", "Hélène", "François", "Geneviève", "Louis", "Thérèse", "Honoré",
           "Colette", "Benoît", "Amélie", "Gérard", "Solange", "René", "Aurélie"],
    last=["Dupont", "Lefèvre", "Moreau", "Girardin", "Bérard", "Chevalier", "Rousseau", "Fournier", "Lemaître",
          "Duval", "Mercier", "Gauthier", "Delacroix", "Boucher", "Vasseur", "Péguy"],
    place=["Paris", "Lyon", "Bordeaux", "Toulouse", "Rennes", "Strasbourg", "Genève", "Bruxelles"],
    publisher=["Gallimard", "Seuil", "Fayard", "PUF", "Armand Colin", "Belin", "Dalloz", "La Découverte"],
    journal=["Annales", "Revue historique", "Revue d’histoire moderne et contemporaine",
             "Revue française de droit constitutionnel", "Le Mouvement social", "Histoire, économie et société"],
    title=["L’administration des provinces", "Commerce et crédit au XVIIIe siècle", "Paroisse, province et Parlement",
           "La réforme des finances", "Révolution et restauration", "La formation de l’État de droit",
           "Disettes et secours dans le Nord", "Juges, avocats et coutumes", "La correspondance des intendants",
           "Propriété et succession en droit civil"],
    arttitle=["Prix du blé et émeutes", "Les origines de la réforme municipale", "Lettres de la frontière",
              "Propriété, héritage et veuvage", "Les registres portuaires comme source"],
    group=["négociants", "magistrats", "tisserands", "commissaires", "paroissiens", "armateurs", "greffiers",
           "pétitionnaires", "administrateurs", "propriétaires", "députés", "arpenteurs"],
    noun=["administration", "correspondance", "colonisation", "législation", "assemblée", "commission",
          "trésorerie", "douane", "reconstruction", "pétition", "juridiction", "inventaire", "municipalité",
          "négociation", "intendance", "comptabilité", "réglementation", "subdélégation"],
    adj=["remarquable", "considérable", "extraordinaire", "contemporaine", "administrative", "ecclésiastique",
         "commerciale", "controversée", "parlementaire", "exceptionnelle", "provinciale"],
    verb=["réorganisé", "examiné", "reconsidéré", "aboli", "étendu", "documenté", "contesté", "transformé",
          "ajourné", "financé", "enquêté sur", "consolidé"],
    months=["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre"],
    numw=["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "onze", "douze"],
    heads=["Introduction", "Sources et méthode", "Les premières années", "Réforme et résistance",
           "Tribunaux et conseils", "La question du crédit", "Conclusion", "Épilogue", "Ce que disent les registres"],
    chapter="Chapitre", ibid=["Ibid.", "Ibid., p.{nb}{p}.", "Ibid., p.{nb}{p}-{p2}.", "Id., p.{nb}{p}.", "Idem."],
    see="Voir", seealso="voir aussi", cf="cf.", page="p.", pages="p.",
)


class Gen:
    def __init__(self, lang: str, rng: random.Random):
        self.lang, self.r, self.v = lang, rng, L[lang]
        self.cited = []  # (last, short title) of works cited in full

    def c(self, key):
        return self.r.choice(self.v[key])

    def year(self, lo=1620, hi=1990):
        return self.r.randint(lo, hi)

    def date(self):
        d, m, y = self.r.randint(1, 28), self.c("months"), self.year(1700, 1960)
        return {"en": f"{d} {m} {y}", "de": f"{d}.{NB}{m} {y}", "es": f"{d} de {m} de {y}",
                "fr": f"{d} {m} {y}"}[self.lang]

    def person(self):
        return f"{self.c('first')} {self.c('last')}"

    # -------------------------------------------------------------- prose
    def sentence(self) -> str:
        r, lang = self.r, self.lang
        y = self.year()
        y2 = y + r.randint(2, 40)
        n = r.randint(3, 48)
        k = r.choice(["2", "3", "4", "7", "11"])
        p1 = r.randint(10, 400)
        p2 = p1 + r.randint(2, 30)
        T = {
            "en": [
                f"In {y}, the {self.c('adj')} {self.c('noun')} of {self.c('place')} {self.c('verb')} the {self.c('noun')} of the {self.c('group')}",
                f"On {self.date()}, {self.person()} {self.c('verb')} {self.c('numw')} {self.c('group')} in {self.c('place')}",
                f"As {self.person()} observed in vol.{NB}{k} of the {self.c('title')}, the {self.c('noun')} was {self.c('adj')}",
                f"The {self.c('noun')} was {self.c('verb')} between {y} and {y2}, and {n} of the {self.c('group')} objected",
                f"Contemporaries described the {self.c('noun')} as {self.c('adj')} and, in places, {self.c('adj')}",
                f"The registers list {n} {self.c('group')} on pages {p1}–{p2}, a figure that rose again after {y}",
                f"By {y} the {self.c('group')} had {self.c('verb')} the {self.c('noun')} without any {self.c('adj')} {self.c('noun')}",
                f"Neither the {self.c('group')} nor the {self.c('group')} accepted the {self.c('adj')} {self.c('noun')} of {y}",
                f"Chapter {k} of the report, dated {self.date()}, {self.c('verb')} the {self.c('noun')} once more",
                f"Some {n} per cent of the {self.c('group')} in {self.c('place')} supported the {self.c('noun')}",
            ],
            "de": [
                f"Im Jahr {y} wurde die {self.c('adj')} {self.c('noun')} in {self.c('place')} durch die {self.c('group')} {self.c('verb')}",
                f"Am {self.date()} haben {self.c('numw')} {self.c('group')} die {self.c('noun')} {self.c('verb')}",
                f"Wie {self.person()} in Bd.{NB}{k} seiner Schriften bemerkte, war die {self.c('noun')} eine {self.c('adj')} Angelegenheit",
                f"Zwischen {y} und {y2} wurde die {self.c('noun')} {self.c('verb')}, und {n} der {self.c('group')} widersprachen",
                f"Die Zeitgenossen hielten die {self.c('noun')} für eine {self.c('adj')} Maßnahme",
                f"Die Register verzeichnen auf den Seiten {p1}–{p2} insgesamt {n} {self.c('group')}, deren Zahl nach {y} wieder stieg",
                f"Bis {y} hatten die {self.c('group')} die {self.c('noun')} ohne jede {self.c('adj')} {self.c('noun')} {self.c('verb')}",
                f"Weder die {self.c('group')} noch die {self.c('group')} billigten die {self.c('adj')} {self.c('noun')} von {y}",
                f"Kapitel {k} des Berichts vom {self.date()} hat die {self.c('noun')} erneut {self.c('verb')}",
                f"Etwa {n} Prozent der {self.c('group')} in {self.c('place')} unterstützten die {self.c('noun')}",
            ],
            "es": [
                f"En {y}, la {self.c('adj')} {self.c('noun')} de {self.c('place')} {self.c('verb')} la {self.c('noun')} de los {self.c('group')}",
                f"El {self.date()}, {self.person()} reunió a {self.c('numw')} {self.c('group')} en {self.c('place')}",
                f"Como observó {self.person()} en el vol.{NB}{k} de *{self.c('title')}*, la {self.c('noun')} era {self.c('adj')}",
                f"Entre {y} y {y2} la {self.c('noun')} se transformó, y {n} de los {self.c('group')} protestaron",
                f"Los contemporáneos describieron la {self.c('noun')} como {self.c('adj')} y, a veces, {self.c('adj')}",
                f"Los registros recogen {n} {self.c('group')} en las páginas {p1}–{p2}, cifra que volvió a crecer después de {y}",
                f"Hacia {y} los {self.c('group')} ya habían aceptado la {self.c('noun')} sin ninguna {self.c('noun')} {self.c('adj')}",
                f"Ni los {self.c('group')} ni los {self.c('group')} aceptaron la {self.c('noun')} {self.c('adj')} de {y}",
                f"El capítulo {k} del informe, fechado el {self.date()}, {self.c('verb')} de nuevo la {self.c('noun')}",
                f"Alrededor del {n} por ciento de los {self.c('group')} de {self.c('place')} apoyó la {self.c('noun')}",
            ],
            "fr": [
                f"En {y}, l’{self.c('noun')} {self.c('adj')} de {self.c('place')} a {self.c('verb')} la {self.c('noun')} des {self.c('group')}",
                f"Le {self.date()}, {self.person()} a réuni {self.c('numw')} {self.c('group')} à {self.c('place')}",
                f"Comme l’a observé {self.person()} dans le vol.{NB}{k} de *{self.c('title')}*, la {self.c('noun')} était {self.c('adj')}",
                f"Entre {y} et {y2}, la {self.c('noun')} a été {self.c('verb')}, et {n} des {self.c('group')} ont protesté",
                f"Les contemporains jugeaient la {self.c('noun')} {self.c('adj')} et, par endroits, {self.c('adj')}",
                f"Les registres recensent {n} {self.c('group')} aux pages {p1}–{p2}, chiffre qui remonte après {y}",
                f"Dès {y}, les {self.c('group')} avaient accepté la {self.c('noun')} sans aucune {self.c('noun')} {self.c('adj')}",
                f"Ni les {self.c('group')} ni les {self.c('group')} n’acceptèrent la {self.c('noun')} {self.c('adj')} de {y}",
                f"Le chapitre {k} du rapport, daté du {self.date()}, a {self.c('verb')} la {self.c('noun')}",
                f"Environ {n} pour cent des {self.c('group')} de {self.c('place')} soutenaient la {self.c('noun')}",
            ],
        }[lang]
        s = r.choice(T)
        return s[0].upper() + s[1:] + "."

    # -------------------------------------------------------------- notes
    def pages(self):
        p = self.r.randint(3, 480)
        if self.r.random() < 0.4:
            return f"{p}–{p + self.r.randint(1, 25)}"
        return str(p)

    def pg(self, p):
        pre = self.v["page"] if "–" not in p else self.v["pages"]
        return f"{pre}{NB}{p}" if pre else p

    def full_book(self):
        f, l, t = self.c("first"), self.c("last"), self.c("title")
        self.cited.append((l, " ".join(t.split()[:3]) if len(t.split()) > 3 else t))
        y, pl, pub = self.year(1950, 2022), self.c("place"), self.c("publisher")
        p = self.pg(self.pages())
        return {"en": f"{f} {l}, *{t}* ({pl}: {pub}, {y}), {p}.",
                "de": f"{f} {l}, *{t}*, {pl}: {pub} {y}, {p}.",
                "es": f"{f} {l}, *{t}*, {pl}, {pub}, {y}, {p}.",
                "fr": f"{f} {l}, *{t}*, {pl}, {pub}, {y}, {p}."}[self.lang]

    def full_article(self):
        f, l, t, j = self.c("first"), self.c("last"), self.c("arttitle"), self.c("journal")
        self.cited.append((l, t.split(",")[0]))
        y, vol, no = self.year(1950, 2022), self.r.randint(1, 120), self.r.randint(1, 6)
        a = self.r.randint(1, 600)
        b = a + self.r.randint(10, 40)
        return {"en": f"{f} {l}, “{t},” *{j}* {vol}, no.{NB}{no} ({y}): {a}–{b}.",
                "de": f"{f} {l}, „{t}“, in: *{j}* {vol} ({y}), S.{NB}{a}–{b}.",
                "es": f"{f} {l}, «{t}», *{j}*, n.º{NB}{vol} ({y}), pp.{NB}{a}–{b}.",
                "fr": f"{f} {l}, «{NB}{t}{NB}», *{j}*, vol.{NB}{vol}, n°{NB}{no}, {y}, p.{NB}{a}–{b}."}[self.lang]

    def short(self):
        if not self.cited:
            return self.full_book()
        l, t = self.r.choice(self.cited)
        return f"{l}, *{t}*, {self.pg(self.pages())}."

    def ibid(self):
        p = self.r.randint(2, 400)
        return self.c("ibid").format(p=p, p2=p + self.r.randint(1, 9), nb=NB)

    def see(self):
        s = f"{self.v['see']} {self.short()}"
        if self.r.random() < 0.5:
            s = s[:-1] + ("; " if self.lang != "fr" else " ; ") + f"{self.v['seealso']} {self.short()}"
        return s

    def legal(self):
        r = self.r
        if self.lang == "de":
            opts = [f"§{NB}{r.randint(1, 900)} BGB.", f"Art.{NB}{r.randint(1, 20)} Abs.{NB}{r.randint(1, 3)} GG.",
                    f"Vgl. §§{NB}{r.randint(1, 300)} ff. StGB sowie BVerfGE {r.randint(1, 150)}, {r.randint(1, 400)} ({r.randint(1, 400)}).",
                    f"BGH, Urteil vom {self.date()}, NJW {r.randint(1960, 2020)}, {r.randint(100, 3000)}; § {r.randint(1, 300)} Abs.{NB}2 ZPO."]
        elif self.lang == "en":
            opts = [f"17 U.S.C. §{NB}{r.randint(100, 1300)} ({r.randint(1976, 2020)}).",
                    f"See *Campbell v. Acuff-Rose Music, Inc.*, 510 U.S. 569, {r.randint(570, 590)} (1994).",
                    f"42 U.S.C. §{NB}{r.randint(1900, 2000)}; see also *Marbury v. Madison*, 5 U.S. 137, {r.randint(138, 180)} (1803).",
                    f"Statute of Anne, 8 Ann. c. 19 (1710), s.{NB}{r.randint(1, 11)}."]
        elif self.lang == "es":
            opts = [f"Art.{NB}{r.randint(1, 160)} CE.", f"STC {r.randint(1, 250)}/{r.randint(1981, 2020)}, de {self.date()}, FJ {r.randint(1, 9)}.",
                    f"Véase el art.{NB}{r.randint(1, 1900)} del Código Civil y la STS de {self.date()}.",
                    f"Ley {r.randint(1, 50)}/{r.randint(1980, 2020)}, art.{NB}{r.randint(1, 90)}."]
        else:
            opts = [f"Art.{NB}{r.randint(1, 2500)} C. civ.", f"Cass. civ. 1re, {self.date()}, Bull. civ. I, n°{NB}{r.randint(1, 300)}.",
                    f"Voir l’art.{NB}{r.randint(1, 89)} de la Constitution du 4 octobre 1958.",
                    f"CE, Ass., {self.date()}, *Rec.* p.{NB}{r.randint(1, 900)}."]
        return r.choice(opts)

    def commentary(self, nsent=None):
        n = nsent or self.r.randint(1, 3)
        return " ".join(self.sentence() for _ in range(n))

    def note(self, kind=None):
        r = self.r
        kind = kind or r.choices(["book", "article", "short", "ibid", "see", "legal", "comment", "mixed", "long"],
                                 [14, 8, 12, 10, 8, 8, 10, 12, 12])[0]
        if kind == "book":
            return self.full_book()
        if kind == "article":
            return self.full_article()
        if kind == "short":
            return self.short()
        if kind == "ibid":
            return self.ibid()
        if kind == "see":
            return self.see()
        if kind == "legal":
            return self.legal()
        if kind == "comment":
            return self.commentary()
        if kind == "mixed":
            return self.commentary(r.randint(1, 2)) + " " + r.choice([self.full_book, self.see, self.short])()
        # long note: likely to be split over a page break
        return self.commentary(r.randint(6, 11)) + " " + self.full_article() + " " + self.commentary(r.randint(2, 4))
