"""Texts several demo pages share (each needs its translations only once)."""

from ..text import rich, t

FREE = rich(
    "<p>Il servizio è gratuito.</p>",
    "<p>The service is free of charge.</p>",
    "<p>Le service est gratuit.</p>",
    "<p>الخدمة مجانية.</p>",
)
NO_DEADLINE = rich(
    "<p>Non ci sono scadenze: puoi rivolgerti al servizio in qualsiasi momento dell'anno.</p>",
    "<p>There are no deadlines: you can contact the service at any time of the year.</p>",
    "<p>Il n'y a pas de date limite : vous pouvez vous adresser au service à tout moment de l'année.</p>",
    "<p>لا توجد مواعيد نهائية: يمكنك التوجه إلى الخدمة في أي وقت من السنة.</p>",
)
CHANNELS_DESK = rich(
    "<p>Di persona allo sportello, per telefono o per email. Per parlare con un mediatore culturale prenota "
    "un appuntamento.</p>",
    "<p>In person at the desk, by phone or by email. To speak with a cultural mediator, book an "
    "appointment.</p>",
    "<p>En personne au guichet, par téléphone ou par e-mail. Pour parler avec un médiateur culturel, prenez "
    "rendez-vous.</p>",
    "<p>شخصيًا في الشباك، أو بالهاتف، أو بالبريد الإلكتروني. للتحدث مع وسيط ثقافي احجز موعدًا.</p>",
)
ID_DOCUMENT = rich(
    "<ul><li>Un documento di identità o il passaporto</li><li>Il permesso di soggiorno o la ricevuta della "
    "richiesta</li><li>Il codice fiscale, se lo hai</li></ul>",
    "<ul><li>An identity document or passport</li><li>Your residence permit or the receipt of your "
    "application</li><li>Your tax code, if you have one</li></ul>",
    "<ul><li>Une pièce d'identité ou le passeport</li><li>Le titre de séjour ou le récépissé de la "
    "demande</li><li>Le code fiscal, si vous en avez un</li></ul>",
    "<ul><li>وثيقة هوية أو جواز السفر</li><li>تصريح الإقامة أو إيصال طلبه</li><li>الرمز الضريبي إن "
    "وُجد</li></ul>",
)
BOOK_APPOINTMENT = t("Prenota un appuntamento", "Book an appointment", "Prendre rendez-vous", "احجز موعدًا")
FAQ_TITLE = t("Domande frequenti", "Frequently asked questions", "Questions fréquentes", "أسئلة شائعة")
HOW_IT_WORKS = t("Come funziona", "How it works", "Comment ça marche", "كيف يعمل")
SEE_ALSO = t(
    "Potrebbe interessarti anche",
    "You may also be interested in",
    "Cela peut aussi vous intéresser",
    "قد يهمك أيضًا",
)
GOOD_TO_KNOW = t("Da sapere", "Good to know", "À savoir", "من المفيد معرفته")
ALL_PROVINCES = ["GE", "SV", "SP", "IM"]
SOURCE_REGION = t(
    "Regione Liguria, dati dimostrativi",
    "Regione Liguria, demo data",
    "Regione Liguria, données de démonstration",
    "إقليم ليغوريا، بيانات تجريبية",
)
SOURCE_CPIA = t(
    "CPIA liguri, dati dimostrativi",
    "Ligurian adult education centres, demo data",
    "CPIA de Ligurie, données de démonstration",
    "مراكز تعليم الكبار في ليغوريا، بيانات تجريبية",
)
