package lexicon

// Given names that, standing first in a person's name, say which pronoun
// the article will use for them ("she" for Ana Vidal), so that "She later
// met X" is not read as the man named before her. Only names that are
// given names of one sex across the languages of international news are
// listed: Andrea, Jean, Sasha, Nikola and the like are not. Names whose
// family name comes first (Chinese, Korean, Vietnamese) start with the
// family name and are not listed either.
var (
	FemaleGivenNames = words(`
	ana anna annalena angela ursula kamala hillary nancy theresa liz elizabeth jacinda sanna mette giorgia
	marine kaja maia ingrida kristalina christine penny julie julia janet kristi nikki condoleezza madeleine
	samantha linda susan victoria wendy antonia maria marie claudia dilma cristina michelle laura sandra
	dina xiomara mia kersti zuzana salome ellen joyce samia netumbo naledi lindiwe ngozi amina fatou aisha
	ayesha maryam benazir hasina khaleda indira sushma nirmala smriti mamata sonia priyanka yingluck retno
	megawati halimah rachel emily sarah katherine catherine kate mary margaret anne kolinda vjosa jadranka
	roberta federica emma esther evelyn helen helena mehriban leyla valentina tatiana svetlana irina olga
	elena yulia iryna oksana natalia lyudmila marija gordana katalin beata ewa agnieszka magdalena
	simonetta micheline doris karin birgit ebba annika erna alicia yolanda isabel margarita
	teresa carmen dolores josefina patricia monica veronica adriana gabriela paula lucia silvia
	delcy rosario portia sahle-work amy tulsi kristen marsha caroline sophie louise
	judith ruth deborah rebecca hannah rania noor lamia najla fatima zainab khadija mariam asma`)

	MaleGivenNames = words(`
	joe donald barack george bill vladimir emmanuel olaf boris rishi keir justin narendra imran nawaz
	shehbaz recep ilham nikol sergey sergei dmitry volodymyr andrzej viktor mark antony anthony lloyd jake
	john james william charles abdullah mohammed muhammad mohamed mohammad ahmed ali hassan hossein ebrahim
	javad mahmoud benjamin yair naftali isaac bashar abdel abdelmadjid kais nasser faisal tamim salman
	hamad khalid omar ibrahim yoweri paul cyril uhuru raila bola muhammadu goodluck olusegun felix
	emmerson hakainde lazarus edgar jakaya kenneth robert juan luiz jair gustavo nicolas alberto javier
	andres pedro fumio shinzo yoshihide frank-walter friedrich jens antonio mario matteo sergio giuseppe
	pierre jacques francois nicolas michel jean-yves jean-claude jean-marc luc bart alexander mikhail
	alexei yevgeny nikolai igor oleg petro leonid dmytro denys tayyip mevlut hakan ahmet abdulaziz
	mohamed tedros abiy isaias hailemariam william samuel peter michael david richard thomas steven
	stephen edward henry philip jeremy gordon tony david keith winston lee hun prayut srettha joko
	prabowo anwar mahathir najib rodrigo ferdinand bongbong shigeru kishore rahul
	amit rajnath manmohan atal ranil gotabaya mahinda maithripala anura ram pushpa sher
	ashraf hamid abdul viktor aleksandar milorad milo edi ilir hashim kyriakos
	alexis nikos andrej alar gitanas egils edgars krisjanis krišjānis`)
)
