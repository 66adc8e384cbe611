package io.wirewatch.tagger.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(0, text).stream().map(s -> s.text(text)).toList();
    }

    @Test
    void headlineWithoutPeriodStaysApartFromTheFirstSentence() {
        assertThat(sentences("Navies of two nations end drills\nThe exercise ended on Friday. It lasted a week."))
                .containsExactly("Navies of two nations end drills", "The exercise ended on Friday.",
                        "It lasted a week.");
    }

    @Test
    void usAbbreviationDoesNotEndASentenceInsideOne() {
        assertThat(sentences("The U.S. Navy and U.S. Army joined. They left."))
                .containsExactly("The U.S. Navy and U.S. Army joined.", "They left.");
    }

    @Test
    void usAbbreviationEndsASentenceWhenAnOpenerFollows() {
        assertThat(sentences("The frigate sailed to the U.S. The crew stayed home."))
                .containsExactly("The frigate sailed to the U.S.", "The crew stayed home.");
    }

    @Test
    void initialsTitlesAndCompoundRanksDoNotSplit() {
        assertThat(sentences("Air Marshal B.S. Kumar met Brig.-Gen. Tal Ofer and Mr. Lee. Talks went well."))
                .containsExactly("Air Marshal B.S. Kumar met Brig.-Gen. Tal Ofer and Mr. Lee.", "Talks went well.");
    }

    @Test
    void sentenceStartingInLowerCaseIsSplit() {
        assertThat(sentences("The deal was signed. iPhone sales were not affected."))
                .containsExactly("The deal was signed.", "iPhone sales were not affected.");
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertThat(sentences("\u201CWe will train together,\u201D said the admiral. \u201CIt matters.\u201D Then he left."))
                .containsExactly("\u201CWe will train together,\u201D said the admiral.", "\u201CIt matters.\u201D",
                        "Then he left.");
    }

    @Test
    void acronymEndingInACapitalLetterEndsASentence() {
        assertThat(sentences("They signed a pact on joint R&D. This opens new work."))
                .containsExactly("They signed a pact on joint R&D.", "This opens new work.");
    }

    @Test
    void companySuffixWithBracketDoesNotSplit() {
        assertThat(sentences("Acme Co. Ltd. (ACM) and Beta Inc. agreed. Shares rose."))
                .containsExactly("Acme Co. Ltd. (ACM) and Beta Inc. agreed.", "Shares rose.");
    }

    @Test
    void decimalsAndCaptionsKeepTheirSentence() {
        assertThat(sentences("Revenue rose 8.7% to $16.5 billion. The minister visits a base. (credit: Navy)"))
                .containsExactly("Revenue rose 8.7% to $16.5 billion.", "The minister visits a base.",
                        "(credit: Navy)");
    }

    @Test
    void offsetsPointAtTrimmedSentenceText() {
        final String text = "  First one.   Second one.  ";
        assertThat(SentenceSplitter.split(3, text))
                .containsExactly(new Sentence(3, 2, 12), new Sentence(3, 15, 26));
    }

    @Test
    void textWithoutLettersHasNoSentences() {
        assertThat(sentences(" ... -- !! ")).isEmpty();
        assertThat(sentences("")).isEmpty();
    }
}
