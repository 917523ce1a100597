package extract

import "testing"

func TestFoldName(t *testing.T) {
	tests := map[string]string{
		"Walid al-Muallem": "walid muallem", "Adel Abdul-Mahdi": "adel abdul mahdi",
		"Alberto Fernández": "alberto fernandez", "Abdel Fattah el-Sisi": "abdel fattah sisi",
	}
	for in, want := range tests {
		if got := foldName(in); got != want {
			t.Errorf("foldName(%q) = %q, want %q", in, got, want)
		}
	}
	if !subName(foldTokens("Javad Zarif"), foldTokens("Mohammad Javad Zarif")) {
		t.Error("Javad Zarif should be a short form of Mohammad Javad Zarif")
	}
	if !subName(foldTokens("Mohamed bin Zayed"), foldTokens("Mohamed bin Zayed Al Nahyan")) {
		t.Error("Mohamed bin Zayed should be a short form of Mohamed bin Zayed Al Nahyan")
	}
	if subName(foldTokens("Ali Khamenei"), foldTokens("Ali Akbar Velayati")) {
		t.Error("Ali Khamenei is not Ali Akbar Velayati")
	}
	if subName(foldTokens("Hafez Assad"), foldTokens("Bashar al-Assad")) {
		t.Error("Hafez Assad is not Bashar al-Assad")
	}
}

// TestReferences checks what surnames, descriptions and pronouns resolve
// to, through the subject of a meeting they take part in.
func TestReferences(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"top diplomat", "Syrian Foreign Minister Walid al-Muallem arrived. The top Syrian diplomat met with Majlis Speaker Ali Larijani.",
			"Ali Larijani+Walid al-Muallem@null/meeting"},
		{"chief diplomat as object", "Syrian Foreign Minister Faisal Mekdad arrived. Secretary Ali Shamkhani said during his meeting with the chief Syrian diplomat that ties were strong.",
			"Ali Shamkhani+Faisal Mekdad@null/meeting"},
		{"the president", "Iranian President Hassan Rouhani spoke. The president later met with Iraqi Prime Minister Haider al-Abadi.",
			"Haider al-Abadi+Hassan Rouhani@null/meeting"},
		{"leader by nationality", "French President Emmanuel Macron arrived. The French leader later met European Commission President Ursula von der Leyen.",
			"Emmanuel Macron+Ursula von der Leyen@null/meeting"},
		{"pronoun after a description", "French President Emmanuel Macron arrived. The French leader flew to Brussels, where he met Belgian Prime Minister Alexander De Croo.",
			"Alexander De Croo+Emmanuel Macron@null/meeting"},
		{"family name first", "Chinese President Xi Jinping spoke. Xi met with Kazakh President Kassym-Jomart Tokayev.",
			"Kassym-Jomart Tokayev+Xi Jinping@null/meeting"},
		{"family name of a three-word name", "North Korean leader Kim Jong Un spoke. Kim met Russian President Vladimir Putin.",
			"Kim Jong Un+Vladimir Putin@null/meeting"},
		{"country possessive", "Iran's Supreme Leader Ayatollah Ali Khamenei spoke. Iraqi Prime Minister Mohammed Shia al-Sudani later met Iran's supreme leader in Tehran.",
			"Ali Khamenei+Mohammed Shia al-Sudani@null/meeting"},
		{"the two leaders", "U.S. President Donald Trump met North Korean leader Kim Jong Un on Sunday. The two leaders then held a meeting, accompanied by South Korean President Moon Jae-in.",
			"Donald Trump+Kim Jong Un+Moon Jae-in@2023-03-05/meeting|Donald Trump+Kim Jong Un@2023-03-05/meeting"},
		{"hosted the two leaders", "U.S. President Donald Trump and Russian President Vladimir Putin met in Helsinki on Monday. Finnish President Sauli Niinisto hosted the two leaders at the palace.",
			"Donald Trump+Sauli Niinisto+Vladimir Putin@2023-03-06/meeting|Donald Trump+Vladimir Putin@2023-03-06/meeting"},
		{"leaders of countries", "The leaders of France, Germany and Italy met Ukrainian President Volodymyr Zelenskiy in Kyiv on Thursday. French President Emmanuel Macron, German Chancellor Olaf Scholz and Italian Prime Minister Mario Draghi travelled by train.",
			"Emmanuel Macron+Mario Draghi+Olaf Scholz+Volodymyr Zelenskiy@2023-03-02/meeting"},
		{"father's name after bin", "Saudi Deputy Crown Prince Mohammed bin Salman spoke. U.S. President Donald Trump met King Salman on Saturday.",
			"Donald Trump+Salman@2023-03-04/meeting"},
		{"first name with another title", "Kenyan President William Ruto spoke. Prince William met Indian Prime Minister Narendra Modi.",
			"Narendra Modi+William@null/meeting"},
		{"nearest of two namesakes", "Syrian President Bashar al-Assad spoke. Assad met Iranian Foreign Minister Javad Zarif.",
			"Bashar al-Assad+Javad Zarif@null/meeting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetingsOf(tt.in, "2023-03-08"); got != tt.want {
				t.Errorf("meetings(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
