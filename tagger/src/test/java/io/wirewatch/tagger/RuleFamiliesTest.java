package io.wirewatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.tagger.taxonomy.RuleDefinition;
import io.wirewatch.tagger.taxonomy.Taxonomy;
import io.wirewatch.tagger.taxonomy.TopicDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule family of the shipped taxonomy on sentences written for this test: the topic it should tag (with the
 * rule that fires) and the look-alikes it must leave alone.
 */
class RuleFamiliesTest {

    private static Enrichment tag(String text) {
        return TaggerFixture.tagger().tag(Stories.of(text.split("\\|")));
    }

    private static List<String> topics(Enrichment e) {
        return e.topics().stream().map(TopicTag::getId).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "rnd/technology-transfer; rnd; Chile will buy four frigates from Spain, and the deal includes a transfer "
                + "of shipbuilding technology to the Chilean navy yard.",
        "rnd/co-development; rnd; Sweden and Finland will jointly develop a new anti-ship missile for their navies.",
        "rnd/joint-research; rnd; The defence ministries of Norway and Poland signed a memorandum on joint "
                + "research into drone detection.",
        "rnd/develop-together; rnd; Indonesia and Turkey will develop a medium tank together for their armies.",
        "rnd/technology-cooperation; rnd; The defence ministers of Greece and Cyprus agreed on technological "
                + "cooperation in drones.",
        "rnd/development-participation; rnd; Portugal's aerospace industry took part in the development of the "
                + "Brazilian military transport aircraft.",
        "exports/arms-trade; exports; Serbia said arms exports to Cyprus doubled this year.",
        "exports/export-controls; exports; Germany eased export controls so that Saudi Arabia can receive "
                + "fighter jets.",
        "exports/delivery; exports; Two French-designed frigates were delivered to the Greek navy this year.",
        "exports/provide; exports; Japan will provide radars to the Philippines for its air defence network.",
        "exports/purchase; exports; Romania signed a contract to buy 54 Abrams tanks from the United States.",
        "exports/foreign-supplier; exports; Qatar's army showed rifles bought from Belgium at a parade of its "
                + "troops.",
        "exports/foreign-supplier; exports; Kenya's army received armoured vehicles bought from the United "
                + "Kingdom.",
        "exports/induction; exports; The Bangladesh navy commissioned two frigates that China sold it.",
        "training/joint-exercise; training; Chilean and Peruvian marines began a joint exercise on the coast.",
        "training/exercise-between; training; The navies of Oman and Pakistan held a naval drill in the "
                + "Arabian Sea.",
        "training/personnel-training; training; Italian instructors trained Libyan coast guard crews in Sicily "
                + "for the new patrol boats.",
        "training/exercise-participants; training; Troops from Ghana and Togo took part in the counter-piracy "
                + "exercise with the navy.",
        "training/exercise-participant-list; training; The navy opened its annual exercise off Suva.|Navy ships "
                + "from Fiji, Tonga and Vanuatu are taking part this year.",
        "training/military-training; training; Kazakhstan and Turkey agreed to expand military training and "
                + "officer exchanges.",
        "industrial/co-production; industrial; Brazil and Turkey agreed on co-production of armoured vehicles.",
        "industrial/joint-venture; industrial; Greece's army depot and Israel's Elbit set up a defence joint "
                + "venture for drones.",
        "industrial/local-manufacture; industrial; Hungary will manufacture the German Lynx armoured vehicle "
                + "locally at a plant near Zalaegerszeg with Rheinmetall.",
        "industrial/local-build; industrial; The Kenyan navy's remaining patrol boats will be built locally with "
                + "help from Dutch engineers.",
        "industrial/build-place; industrial; Four of the frigates for the navy will be built in Mexico with Dutch "
                + "support.",
        "industrial/production-place; industrial; The Swedish radars for the air force will be produced in "
                + "Thailand.",
        "industrial/local-industry; industrial; Slovak companies will make parts of the fuselage of the Swedish "
                + "fighter jets for the air force.",
        "industrial/foreign-factory; industrial; A Czech arms maker will build an ammunition factory in "
                + "Slovakia with the Slovak army.",
        "industrial/work-share; industrial; Spain and Germany agreed the work share for the new fighter jet "
                + "programme.",
        "industrial/industrial-base; industrial; Norway paid Germany 300 million euros to expand the production "
                + "capacity of its ammunition industrial base for the army.",
        "industrial/industry-cooperation; industrial; Norway and Finland agreed to deepen defence industrial "
                + "cooperation.",
        "industrial/licensed-production; industrial; South Korea produces the howitzer under licence from "
                + "Germany for its army.",
        "industrial/offsets; industrial; Switzerland requires offset agreements from the United States for its "
                + "fighter jet purchase.",
        "security/security-cooperation; security; Kenya and Ethiopia agreed to deepen security cooperation "
                + "along their border.",
        "security/counter-terrorism; security; Niger and Benin agreed to share intelligence and to cooperate on "
                + "counterterrorism.",
        "security/border-security; security; Polish and Lithuanian border guards agreed on joint patrols.",
        "security/security-talks; security; Chad and Niger agreed to address common threats in the Sahel "
                + "together with their armies.",
        "security/maritime-security; security; Fiji and New Zealand signed a pact on maritime security and "
                + "fisheries patrols for the navy.",
        "security/intelligence-sharing; security; The militaries of Estonia and Finland will share information "
                + "on Baltic Sea traffic.",
        "security/dialogue; security; Japan and India held their 2+2 dialogue of foreign and defence ministers."})
    void ruleTagsItsTopicOnItsOwn(String rule, String topic, String text) {
        final Enrichment e = onlyRule(rule).tag(Stories.of(text));
        assertThat(topics(e)).containsExactly(topic);
        assertThat(e.topics().get(0).getEvidence()).extracting(ev -> ev.getRule()).containsExactly(rule);
        assertThat(topics(tag(text))).as("with the whole taxonomy").contains(topic);
    }

    /** The shipped taxonomy reduced to one rule (contexts kept), so the test sees what that rule alone does. */
    private static TaxonomyTagger onlyRule(String ruleId) {
        final Taxonomy shipped = TaggerFixture.tagger().taxonomy();
        final List<TopicDefinition> topics = new ArrayList<>();
        for (TopicDefinition t : shipped.topics()) {
            final List<RuleDefinition> rules = t.rules().stream().filter(r -> r.id().equals(ruleId)).toList();
            if (!rules.isEmpty()) {
                topics.add(new TopicDefinition(t.id(), t.label(), t.description(), t.iptcCode(), t.iptcLabel(),
                        rules));
            }
        }
        assertThat(topics).as("rule %s exists", ruleId).hasSize(1);
        return TaxonomyTagger.of(new Taxonomy(shipped.name(), shipped.version(), shipped.description(),
                shipped.contexts(), topics, List.of(), Map.of(), "test"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "sports training camp; Brazil's national football squad opened a training camp in Portugal with joint "
                + "drills against local clubs.",
        "pharma joint research; Swiss and Danish drug makers agreed on joint research and co-development of "
                + "vaccines.",
        "rice exports; Thailand said rice exports to Japan and Indonesia rose 12 percent under a supply deal.",
        "business joint venture; Toyota and an Indian carmaker formed a joint venture to build electric cars "
                + "in India.",
        "own exercise; The Chinese army held live-fire drills with missiles and fighter jets near its coast.",
        "own budget; France raised its defence budget by 7 percent to buy more missiles and frigates.",
        "weapons test; North Korea test-fired a ballistic missile that landed near Japan's waters.",
        "court-martial; A military court in Egypt jailed three officers for selling army fuel.",
        "civil aircraft; Vietnam Airlines ordered 50 Boeing jets from the United States for its fleet.",
        "customs pact; Nepal and India agreed to exchange information on customs offences across the border.",
        "passing origin adjective; A submarine, possibly armed with British-supplied torpedoes, was tracked "
                + "near Norway's coast by the navy.",
        "possibility; Vietnam could buy Indian missiles for its navy next year, officials said.",
        "denial; Belarus denied supplying drones and missiles to Russia's army.",
        "alternative weighed; Peru had considered buying Chinese fighter jets for its air force.",
        "humanitarian flights; US military aircraft delivered food and medical supplies to Haiti after the "
                + "storm.",
        "armed is not arms; The Peruvian armed forces selected a new commander, and Bolivia's president "
                + "attended the ceremony.",
        "civil nuclear; American companies will export nuclear reactors to Poland under a civil nuclear pact "
                + "with safeguards against weapons use.",
        "gross domestic product; Japan will raise defence spending to 2 percent of gross domestic product, "
                + "citing China's military buildup.",
        "next generation is not generals; Japanese and Swiss drug makers will jointly develop next-generation "
                + "antibodies.",
        "own exercise shown to an ally; Taiwan's army held its annual drills to show voters and Washington that "
                + "it is ready to defend the island.",
        "stake in a defence firm; A Qatari fund bought a 30 percent stake in a Spanish maker of missiles and "
                + "radars.",
        "financial intelligence; The financial intelligence units of Oman and Jordan will share intelligence "
                + "on money laundering and exchange information on suspicious transactions.",
        "domestic delivery completed from two names; Spain's navy launched a new submarine built by a national "
                + "shipyard.|The boat will be delivered to the navy next year.|The shipyard also bid for a "
                + "contract in India.",
        "one country's joint-services drill; Iran's army, navy and air force held joint drills near the Strait "
                + "of Hormuz.|The exercise focused on joint air defence, a commander said.|Iraq said it was "
                + "watching.",
        "victim of an invasion is no partner; A Serbian state arms plant has increased production of shells "
                + "since Russia's invasion of Ukraine.|Serbia's arms exports reached a record last year.",
        "part of a plan is not parts; Chilean companies said the navy's new budget is part of a wider reform "
                + "praised by American lawmakers.",
        "civil carriers from a warship builder; A Korean shipyard that also builds submarines for the navy won an "
                + "order for LNG carriers.|Qatar ordered 20 LNG carriers from Korean and Chinese shipyards.",
        "business strategic partnership; A Saudi oil company and a Chinese refiner signed a strategic "
                + "partnership.|The two firms will share technology and cooperate in research on plastics.",
        "simulator package; Malaysia's air force bought 18 trainer jets from Korea with a simulator training package for "
                + "its pilots.|The jets were delivered by Korea Aerospace Industries."})
    void lookAlikeGetsNoTopicItShouldNot(String trap, String text) {
        final Enrichment e = tag(text);
        if (trap.equals("simulator package")) {
            assertThat(topics(e)).as(trap).containsExactly("exports");
        } else {
            assertThat(topics(e)).as(trap).isEmpty();
            assertThat(e.defenseCooperation().getFlag()).as(trap).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "rival named in passing; IN,JP; India and Japan began joint naval exercises amid China's growing "
                + "assertiveness at sea.",
        "descriptive clause; IN,PH; The Philippines signed a deal to buy Indian cruise missiles, which were "
                + "developed jointly by India and Russia.",
        "earlier buyers; GR,US; Greece will buy F-35 fighter jets from the United States, following Poland, "
                + "Finland and Germany.",
        "multilateral list; AU,IN,JP,US; The navies of India, the US, Australia and Japan began the Malabar "
                + "naval exercise off Guam.",
        "the two countries; CL,IN; India and Chile held talks in Santiago on Monday.|The two countries agreed "
                + "to deepen security cooperation at sea.",
        "capital as actor; JP,PH; Tokyo and Manila agreed to boost security cooperation amid Chinese pressure.",
        "delegation story; IL,IN|IL,JP; Israel's defence minister met India's prime minister to discuss joint "
                + "research on drones.|The minister then visited Japan.|He met Japanese officials in Tokyo to "
                + "promote security cooperation.",
        "earlier suppliers in background; NG,TR; Nigeria bought 12 attack helicopters from Turkey on Monday, "
                + "the air force said.|Nigeria previously acquired jets from Pakistan and aircraft from the "
                + "United States.",
        "participants listed apart; TH,US|ID,JP,MY,SG; Thailand and the United States opened the Cobra Gold "
                + "military exercise in Rayong.|Troops from Singapore, Indonesia, Japan and Malaysia are taking part this "
                + "year.",
        "offensive by a rival; AM,IN; Armenia bought rocket launchers from India after an offensive by "
                + "Azerbaijan.",
        "attack drones name no rival; IR,RU; Iran has shipped attack drones and missiles to Russia, officials "
                + "said.",
        "participants brought together; CM,GA,TD,US; The exercise brings together troops from Chad, Cameroon, "
                + "Gabon and the United States for counter-terrorism training.",
        "the three countries; FR,GB,NL; France, Britain and the Netherlands held talks on Monday.|The three "
                + "countries agreed to share intelligence on terrorism.",
        "help from a named partner; KR,PE; Peru's navy ordered two frigates, and the Peruvian and Korean "
                + "defence ministers signed the contract.|The second frigate will be assembled at the navy yard "
                + "in Callao with the help of Korean engineers.",
        "sea named after a country; AE,FR; France and the UAE agreed to deepen maritime security cooperation in "
                + "the Sea of Oman and the Gulf.",
        "another country's ministry; AU,JP; Japan and Australia began joint air drills, the Australian "
                + "Department of Defence said."})
    void partiesAreTheCooperatingCountriesOnly(String trap, String parties, String text) {
        final Enrichment e = tag(text);
        final List<List<String>> expected = new ArrayList<>();
        for (String group : parties.split("\\|")) {
            expected.add(List.of(group.split(",")));
        }
        assertThat(e.cooperations()).extracting(Cooperation::getParties).as(trap)
                .containsExactlyElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void cooperationWithoutATopicSetsTheFlagWithoutTopics() {
        final Enrichment e = tag("Portugal and Morocco agreed to strengthen defence cooperation, the two "
                + "defence ministers said in Rabat.");
        assertThat(e.defenseCooperation().getFlag()).isTrue();
        assertThat(e.topics()).isEmpty();
        assertThat(e.cooperations()).singleElement().satisfies(c -> {
            assertThat(c.getParties()).containsExactly("MA", "PT");
            assertThat(c.getTopics()).isEmpty();
            assertThat(c.getEvidence()).extracting(ev -> ev.getRule())
                    .containsExactly("cooperation/defense-cooperation");
        });
    }

    @org.junit.jupiter.api.Test
    void aPactNamedOnlyInALaterSentenceOfAnotherStoryIsBackground() {
        final Enrichment e = tag("A US Marine was convicted of assault by a Japanese court on Wednesday.|The "
                + "governor called for a revision of the status of forces agreement between Japan and the United "
                + "States.");
        assertThat(e.defenseCooperation().getFlag()).isFalse();
        assertThat(e.cooperations()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void goodsBuiltInTheSuppliersCountryAreAnExportNotLocalProduction() {
        final Enrichment e = tag("Vietnam's coast guard received two patrol vessels built in Japan on Thursday."
                + "|The ships, constructed by Japan Marine United, will patrol the coast for the coast guard.");
        assertThat(topics(e)).containsExactly("exports");
        assertThat(e.cooperations()).extracting(Cooperation::getParties).containsExactly(List.of("JP", "VN"));
    }

    @org.junit.jupiter.api.Test
    void aCooperationWithinALargerOneOnTheSameTopicsIsMergedIntoIt() {
        final Enrichment e = tag("Navies of Ghana, Togo and Benin agreed on joint patrols against piracy in "
                + "the Gulf of Guinea.|Ghana and Togo will also share intelligence on pirates, their navies said.");
        assertThat(e.cooperations()).singleElement().satisfies(c -> {
            assertThat(c.getParties()).containsExactly("BJ", "GH", "TG");
            assertThat(c.getTopics()).containsExactly("security");
            assertThat(c.getEvidence()).hasSize(2);
        });
    }

    @org.junit.jupiter.api.Test
    void staffCollegeIsMilitaryEducationAndCounterInsurgencyIsMilitary() {
        final Enrichment e = tag("Ghana and Canada agreed to extend the joint training of Ghanaian "
                + "counter-insurgency units.|Ghanaian officers will attend staff college in Canada.");
        assertThat(topics(e)).contains("training");
        assertThat(e.topics()).filteredOn(t -> t.getId().equals("training")).singleElement()
                .satisfies(t -> assertThat(t.getEvidence()).hasSize(2));
        assertThat(e.cooperations()).extracting(Cooperation::getParties).containsExactly(List.of("CA", "GH"));
    }

    @org.junit.jupiter.api.Test
    void anOrderFromAForeignManufacturerIsAnExportNotLocalManufacture() {
        final Enrichment e = tag("Kenya ordered six patrol drones from an Israeli manufacturer for its navy.|The "
                + "producer will deliver them next year.");
        assertThat(topics(e)).containsExactly("exports");
    }

    @org.junit.jupiter.api.Test
    void coastGuardPatrolsOfBothPartiesAreSecurityCooperation() {
        final Enrichment e = tag("Uruguay and Argentina signed a maritime agreement in Montevideo.|The two coast "
                + "guards will hold joint search-and-rescue and anti-smuggling patrols in the river estuary.");
        assertThat(topics(e)).contains("security");
        assertThat(e.cooperations()).extracting(Cooperation::getParties).containsExactly(List.of("AR", "UY"));
    }

    @org.junit.jupiter.api.Test
    void cooperationWithoutATopicWithAThirdCountryIsContextWhenTopicsExist() {
        final Enrichment e = tag("Japan and Australia began joint naval drills off Darwin.|Japan also has a "
                + "status of forces agreement with the United States.");
        assertThat(e.cooperations()).extracting(Cooperation::getParties).containsExactly(List.of("AU", "JP"));
    }
}
