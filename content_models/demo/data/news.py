"""Five news stories, dated in the weeks before the seed."""

from ..spec import (
    DocumentRef,
    FromToday,
    ImageRef,
    PageRef,
    document,
    figure,
    heading,
    image,
    key_figures,
    page,
    paragraph,
    quote,
    related_pages,
    video,
)
from ..text import rich, t
from .common import SEE_ALSO, SOURCE_CPIA

NEWS = [
    page(
        "al-via-i-nuovi-corsi-di-italiano",
        title=t(
            "Al via i nuovi corsi di italiano in tutta la Liguria",
            "New Italian courses start all over Liguria",
            "Les nouveaux cours d'italien démarrent dans toute la Ligurie",
            "انطلاق دورات جديدة للغة الإيطالية في جميع أنحاء ليغوريا",
        ),
        summary=t(
            "Ottantacinque corsi gratuiti, dal livello Pre-A1 al B1, anche la sera e online: le iscrizioni "
            "sono aperte.",
            "Eighty-five free courses, from Pre-A1 to B1, also in the evening and online: enrolment is open.",
            "Quatre-vingt-cinq cours gratuits, du niveau pré-A1 au B1, aussi le soir et en ligne : les "
            "inscriptions sont ouvertes.",
            "خمس وثمانون دورة مجانية من مستوى ما قبل A1 حتى B1، مساءً وعبر الإنترنت أيضًا: التسجيل مفتوح.",
        ),
        date=FromToday(-3),
        main_image=ImageRef("notizia-corsi"),
        body=[
            paragraph(
                rich(
                    "<p>Con il nuovo anno partono i corsi di italiano dei CPIA liguri, finanziati dal "
                    "programma InterAzioni. Quest'anno ci sono più classi serali e online, pensate per chi "
                    "lavora.</p>",
                    "<p>With the new year, the Italian courses of Ligurian adult education centres, funded "
                    "by the InterAzioni programme, are starting. This year there are more evening and online "
                    "classes, designed for people who work.</p>",
                    "<p>Avec la nouvelle année, les cours d'italien des CPIA de Ligurie, financés par le "
                    "programme InterAzioni, démarrent. Cette année, il y a plus de classes le soir et en "
                    "ligne, pensées pour les personnes qui travaillent.</p>",
                    "<p>مع العام الجديد تنطلق دورات الإيطالية في مراكز تعليم الكبار في ليغوريا، بتمويل من "
                    "برنامج InterAzioni. هذا العام هناك صفوف مسائية وعبر الإنترنت أكثر، مصممة لمن يعمل.</p>",
                )
            ),
            key_figures(
                t("I corsi in numeri", "The courses in figures", "Les cours en chiffres", "الدورات بالأرقام"),
                [
                    figure(
                        t("Corsi attivi", "Active courses", "Cours actifs", "الدورات النشطة"),
                        "85",
                        t("corsi", "courses", "cours", "دورة"),
                        SOURCE_CPIA,
                    ),
                    figure(
                        t(
                            "Classi serali o online",
                            "Evening or online classes",
                            "Classes du soir ou en ligne",
                            "صفوف مسائية أو عبر الإنترنت",
                        ),
                        "31",
                        t("classi", "classes", "classes", "صف"),
                    ),
                ],
            ),
            related_pages(
                SEE_ALSO,
                [
                    PageRef("servizi/corsi-di-italiano-l2"),
                    PageRef("servizi/iscrizione-al-cpia"),
                    PageRef("eventi/open-day-cpia-genova"),
                ],
            ),
        ],
        topics=["scuola-e-lingua-italiana"],
    ),
    page(
        "salute-campagna-in-dieci-lingue",
        title=t(
            "Salute: una campagna informativa in dieci lingue",
            "Health: an information campaign in ten languages",
            "Santé : une campagne d'information en dix langues",
            "الصحة: حملة توعية بعشر لغات",
        ),
        summary=t(
            "Manifesti, video e incontri per spiegare come funzionano il medico di famiglia, i consultori e "
            "il pronto soccorso.",
            "Posters, videos and meetings explaining how family doctors, family clinics and emergency "
            "departments work.",
            "Affiches, vidéos et rencontres pour expliquer le fonctionnement du médecin traitant, des "
            "centres de planning familial et des urgences.",
            "ملصقات ومقاطع فيديو ولقاءات لشرح كيفية عمل طبيب الأسرة ومراكز الاستشارة العائلية وأقسام "
            "الطوارئ.",
        ),
        date=FromToday(-10),
        main_image=ImageRef("notizia-salute"),
        body=[
            paragraph(
                rich(
                    "<p>La campagna è stata scritta insieme alle mediatrici culturali e alle associazioni, "
                    "per usare parole semplici e immagini chiare.</p>",
                    "<p>The campaign was written together with cultural mediators and associations, to use "
                    "simple words and clear pictures.</p>",
                    "<p>La campagne a été rédigée avec les médiatrices culturelles et les associations, pour "
                    "utiliser des mots simples et des images claires.</p>",
                    "<p>كُتبت الحملة بالتعاون مع الوسيطات الثقافيات والجمعيات، لاستخدام كلمات بسيطة وصور "
                    "واضحة.</p>",
                )
            ),
            video(
                "https://vimeo.com/76979871",
                t(
                    "Il medico di famiglia in tre minuti",
                    "The family doctor in three minutes",
                    "Le médecin traitant en trois minutes",
                    "طبيب الأسرة في ثلاث دقائق",
                ),
                t(
                    "Una mediatrice spiega come scegliere il medico di famiglia e quando andare al pronto "
                    "soccorso.",
                    "A mediator explains how to choose a family doctor and when to go to the emergency "
                    "department.",
                    "Une médiatrice explique comment choisir un médecin traitant et quand aller aux "
                    "urgences.",
                    "تشرح وسيطة كيفية اختيار طبيب الأسرة ومتى يجب التوجه إلى قسم الطوارئ.",
                ),
            ),
            document(DocumentRef("scheda-ssn")),
        ],
        topics=["salute"],
    ),
    page(
        "festa-dei-popoli-oltre-tremila-presenze",
        title=t(
            "Festa dei popoli: oltre tremila presenze",
            "Festival of Peoples: over three thousand visitors",
            "Fête des peuples : plus de trois mille visiteurs",
            "مهرجان الشعوب: أكثر من ثلاثة آلاف زائر",
        ),
        summary=t(
            "Ventidue associazioni, quaranta piatti dal mondo e un pomeriggio di danze: il bilancio della "
            "festa.",
            "Twenty-two associations, forty dishes from around the world and an afternoon of dancing: the "
            "festival in review.",
            "Vingt-deux associations, quarante plats du monde entier et un après-midi de danses : le bilan "
            "de la fête.",
            "اثنتان وعشرون جمعية، وأربعون طبقًا من حول العالم، وفترة بعد ظهر من الرقص: حصيلة المهرجان.",
        ),
        date=FromToday(-20),
        main_image=ImageRef("notizia-festa"),
        body=[
            quote(
                t(
                    "Per un giorno la piazza è stata di tutti: è questa la città che vogliamo.",
                    "For one day the square belonged to everyone: this is the town we want.",
                    "Pendant une journée, la place a appartenu à tout le monde : c'est la ville que nous "
                    "voulons.",
                    "ليوم واحد كانت الساحة للجميع: هذه هي المدينة التي نريدها.",
                ),
                "Mariana, Comunità Andina Liguria",
            ),
            image(
                ImageRef("festa"),
                caption=t(
                    "La festa in piazza",
                    "The festival in the square",
                    "La fête sur la place",
                    "المهرجان في الساحة",
                ),
            ),
            related_pages(
                SEE_ALSO,
                [
                    PageRef("associazioni/comunita-andina-liguria"),
                    PageRef("eventi/festa-dei-popoli-la-spezia"),
                ],
            ),
        ],
        topics=["cultura", "partecipazione"],
    ),
    page(
        "apre-lo-sportello-online",
        title=t(
            "Apre lo sportello online con la mediazione culturale",
            "Online help desk with cultural mediation opens",
            "Ouverture du guichet en ligne avec médiation culturelle",
            "افتتاح الشباك الإلكتروني مع الوساطة الثقافية",
        ),
        summary=t(
            "Videochiamate su appuntamento con operatori e mediatori, per chi non può andare allo sportello.",
            "Video calls by appointment with staff and mediators, for people who cannot go to the desk.",
            "Des appels vidéo sur rendez-vous avec des agents et des médiateurs, pour les personnes qui ne "
            "peuvent pas se rendre au guichet.",
            "مكالمات فيديو بموعد مسبق مع موظفين ووسطاء، لمن لا يستطيع الذهاب إلى الشباك.",
        ),
        date=FromToday(-35),
        main_image=ImageRef("notizia-online"),
        body=[
            heading(t("Come prenotare", "How to book", "Comment réserver", "كيفية الحجز")),
            paragraph(
                rich(
                    "<p>Scegli giorno, ora e lingua sul sito: ricevi il link per email o per messaggio.</p>",
                    "<p>Choose the day, time and language on the website: you receive the link by email or "
                    "text message.</p>",
                    "<p>Choisissez le jour, l'heure et la langue sur le site : vous recevez le lien par "
                    "e-mail ou par SMS.</p>",
                    "<p>اختر اليوم والساعة واللغة على الموقع: ستصلك الوصلة بالبريد الإلكتروني أو برسالة "
                    "نصية.</p>",
                )
            ),
            image(ImageRef("online")),
        ],
        topics=["documenti-e-permessi", "partecipazione"],
    ),
    page(
        "sei-nuove-associazioni-nella-rete",
        title=t(
            "Sei nuove associazioni entrano nella rete InterAzioni",
            "Six new associations join the InterAzioni network",
            "Six nouvelles associations rejoignent le réseau InterAzioni",
            "ست جمعيات جديدة تنضم إلى شبكة InterAzioni",
        ),
        summary=t(
            "Da Imperia alla Spezia, le associazioni di migranti della rete ora sono trentadue.",
            "From Imperia to La Spezia, there are now thirty-two migrant associations in the network.",
            "D'Imperia à La Spezia, les associations de personnes migrantes du réseau sont désormais "
            "trente-deux.",
            "من إمبيريا إلى لا سبيتسيا، أصبح عدد جمعيات المهاجرين في الشبكة اثنتين وثلاثين جمعية.",
        ),
        date=FromToday(-50),
        main_image=ImageRef("notizia-costa"),
        body=[
            paragraph(
                rich(
                    "<p>Le nuove associazioni parteciperanno ai corsi di formazione e potranno pubblicare i "
                    "loro eventi su questo sito.</p>",
                    "<p>The new associations will take part in the training courses and will be able to "
                    "publish their events on this site.</p>",
                    "<p>Les nouvelles associations participeront aux formations et pourront publier leurs "
                    "événements sur ce site.</p>",
                    "<p>ستشارك الجمعيات الجديدة في الدورات التدريبية وستتمكن من نشر فعالياتها على هذا "
                    "الموقع.</p>",
                )
            ),
            related_pages(
                t(
                    "Conosci le associazioni",
                    "Meet the associations",
                    "Découvrez les associations",
                    "تعرّف على الجمعيات",
                ),
                [
                    PageRef("associazioni/al-maghreb-imperia"),
                    PageRef("associazioni/ucraina-liguria"),
                    PageRef("servizi/sostegno-alle-associazioni"),
                ],
            ),
        ],
        topics=["partecipazione"],
    ),
]
