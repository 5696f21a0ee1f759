"""Name banks for synthetic people: children, parents and carers, staff.

Every name here is drawn at random and combined at random: the demo holds no
real person. First names and surnames are picked independently of ethnicity,
so the demo does not teach anyone to guess a child's ethnicity from a name.
"""

from __future__ import annotations

GIRL_NAMES = (
    "Amelia", "Olivia", "Isla", "Ava", "Mia", "Grace", "Freya", "Lily", "Aisha", "Fatima",
    "Zara", "Amira", "Maryam", "Hana", "Priya", "Anjali", "Simran", "Chloe", "Ellie", "Jade",
    "Kayla", "Shanice", "Tia", "Nia", "Chantelle", "Amara", "Adaeze", "Chiamaka", "Zainab",
    "Ewa", "Zuzanna", "Oliwia", "Bianca", "Leah", "Sophie", "Megan", "Courtney", "Roisin",
    "Siobhan", "Eilidh", "Yasmin", "Mariam", "Layla", "Destiny", "Precious", "Abena", "Mei",
    "Jasmine", "Kiera", "Demi", "Paige", "Ruby", "Imani", "Safiya", "Alina", "Teodora",
)

BOY_NAMES = (
    "Jayden", "Tyler", "Reece", "Callum", "Connor", "Liam", "Jack", "Harry", "Oliver",
    "Mohammed", "Ibrahim", "Yusuf", "Ali", "Hamza", "Ayaan", "Arjun", "Rohan", "Kwame", "Kofi",
    "Tobi", "Femi", "Chidi", "Emeka", "Jamal", "Marcus", "Andre", "Tyrese", "Dwayne", "Kacper",
    "Jakub", "Szymon", "Mateusz", "Luca", "Andrei", "Darius", "Ryan", "Kyle", "Dylan", "Ethan",
    "Mason", "Leon", "Bilal", "Zain", "Samir", "Abdi", "Dawit", "Nathan", "Ollie", "Isaac",
    "Malik", "Theo", "Joel", "Tayo", "Kian", "Aaron", "Reuben",
)

NEUTRAL_NAMES = (
    "Alex", "Jordan", "Riley", "Charlie", "Sasha", "Rowan", "Jamie", "Kai", "Morgan", "Robin",
    "Frankie", "Eden", "Ash", "Remi", "Quinn",
)

SURNAMES = (
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
    "Roberts", "Johnson", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes",
    "Edwards", "Green", "Hall", "Wood", "Harris", "Martin", "Jackson", "Clarke", "Turner",
    "Hill", "Scott", "Cooper", "Morris", "Ward", "King", "Watson", "Baker", "Harrison",
    "Patel", "Khan", "Ahmed", "Hussain", "Begum", "Rahman", "Islam", "Akhtar", "Iqbal",
    "Singh", "Kaur", "Sharma", "Gill", "Adeyemi", "Mensah", "Owusu", "Boateng", "Osei",
    "Asante", "Nwosu", "Okonkwo", "Eze", "Campbell", "Francis", "Mohamed", "Abdi", "Hassan",
    "Warsame", "Tesfaye", "Haile", "Nowak", "Wójcik", "Mazur", "Krawczyk", "Popescu",
    "Ionescu", "Dumitru", "Silva", "Santos", "Ferreira", "Murphy", "O'Brien", "O'Connor",
    "Kelly", "Byrne", "Doherty", "MacDonald", "Nguyen", "Tran", "Chen", "Wong", "Yilmaz",
    "Demir", "Kaya", "Bennett", "Lloyd", "Reid", "Stewart", "Gordon", "Brooks", "Barnes",
)

WOMEN = (
    "Joanne", "Sarah", "Lisa", "Michelle", "Kelly", "Claire", "Nicola", "Samantha", "Gemma",
    "Donna", "Tracey", "Amina", "Nasreen", "Shazia", "Rukhsana", "Farzana", "Parveen",
    "Sunita", "Harpreet", "Ngozi", "Funmi", "Abimbola", "Comfort", "Marcia", "Sonia",
    "Paulette", "Beverley", "Agnieszka", "Katarzyna", "Magdalena", "Elena", "Ioana", "Fadumo",
    "Hodan", "Saba", "Leanne", "Stacey", "Jodie", "Aoife", "Mary", "Natalia", "Yetunde",
)

MEN = (
    "Darren", "Lee", "Craig", "Wayne", "Mark", "Paul", "Gary", "Steven", "Jason", "Imran",
    "Tariq", "Asif", "Naveed", "Sanjay", "Rajesh", "Gurpreet", "Chinedu", "Oluwaseun",
    "Kwabena", "Delroy", "Winston", "Trevor", "Piotr", "Marek", "Tomasz", "Bogdan", "Mihai",
    "Abdirahman", "Yonas", "Dean", "Shaun", "Colin", "Patrick", "Kevin", "Martin", "Ahmed",
)

OLDER_WOMEN = (
    "Pauline", "Margaret", "Maureen", "Jean", "Linda", "Brenda", "Hyacinth", "Gloria",
    "Shamim", "Zubaida", "Kulwant", "Barbara", "Irene", "Halina",
)

OLDER_MEN = (
    "Keith", "Roy", "Derek", "Alan", "Errol", "Abdul", "Jagdish", "Malcolm", "Tony",
    "Stanley", "Kenneth", "Bashir",
)

# Staff names are kept apart from family names so no worker shares a name with a family.
STAFF_FIRST = (
    "Hannah", "Tom", "Aaliyah", "Ravi", "Chloe", "Daniel", "Bukola", "Marek", "Fiona", "Jess",
    "Omar", "Kirsty", "Nadia", "Gareth", "Leila", "Rhys", "Sinead", "Tunde", "Ellen", "Josh",
)

STAFF_LAST = (
    "Fraser", "Mistry", "Doyle", "Walsh", "Barker", "Quinn", "Ashworth", "Nolan", "Carver",
    "Oduya", "Lindqvist", "Pearce", "Rahim", "Sutton", "Vaughan", "Ellis",
)
